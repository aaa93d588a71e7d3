"""str and bytes methods with edge arguments: empty needles, windows past the end, negative
indexes, None. Usage: python3 str_bytes_methods.py SEED N > program.py"""
import random
import sys

from prelude import Program

rnd = random.Random(int(sys.argv[1]))
STRS = ["''", "'a'", "'abcabc'", "'  x y  '", "'a,b,,c'", "'\\u00e9t\\u00e9'", "'AbC'", "'12'", "'-3'",
        "'a\\nb\\r\\nc'", "'\\t1'"]
BYTES = ["b''", "b'a'", "b'abcabc'", "b'  x y  '", "b'a,b,,c'", "b'AbC'", "b'a\\nb'"]
INTS = ["0", "1", "-1", "2", "-5", "100", "None"]
METHODS = {"count": 1, "find": 1, "rfind": 1, "index": 1, "rindex": 1, "split": 1, "rsplit": 1, "replace": 2,
           "startswith": 1, "endswith": 1, "strip": 1, "lstrip": 1, "rstrip": 1, "partition": 1, "rpartition": 1,
           "join": 1, "center": 2, "ljust": 1, "rjust": 1, "zfill": 1, "expandtabs": 1, "splitlines": 0,
           "upper": 0, "lower": 0, "title": 0, "capitalize": 0, "swapcase": 0, "isdigit": 0, "isalpha": 0,
           "isspace": 0, "removeprefix": 1, "removesuffix": 1}
program = Program()
for k in range(int(sys.argv[2])):
    isb = rnd.random() < 0.35
    pool = BYTES if isb else STRS
    m = rnd.choice(list(METHODS))
    args = []
    for i in range(METHODS[m]):
        if m in ("center", "ljust", "rjust", "zfill", "expandtabs") and i == 0:
            args.append(rnd.choice(INTS[:-1]))
        elif m == "center" and i == 1:
            args.append("b'*'" if isb else rnd.choice(["'*'", "'ab'"]))
        elif m == "join":
            args.append("[%s]" % ", ".join(rnd.choice(pool) for _ in range(rnd.randrange(3))))
        else:
            args.append(rnd.choice(pool))
    if m in ("count", "find", "rfind", "index", "rindex", "startswith", "endswith") and rnd.random() < 0.5:
        args += [rnd.choice(INTS) for _ in range(rnd.randint(1, 2))]
    if m in ("split", "rsplit", "replace") and rnd.random() < 0.4:
        args.append(rnd.choice(INTS[:-1]))
    program.case("%s.%s(%s)" % (rnd.choice(pool), m, ", ".join(args)))
print(program.text())
