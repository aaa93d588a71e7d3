"""Builtin functions over a pool of ordinary and awkward values.
Usage: python3 builtins_calls.py SEED N > program.py"""
import random
import sys

from prelude import Program

rnd = random.Random(int(sys.argv[1]))
ARGS = ["0", "1", "-1", "2", "5", "-7", "255", "3.5", "-2.5", "0.5", "1e10", "'a'", "'12'", "' 7 '", "'0x1f'",
        "None", "True", "[1, 2]", "[3, 1]", "(1, 2)", "{1: 3}", "{2, 9}", "range(3)", "''", "[]", "b'ab'",
        "[[1, 2], [3]]", "['b', 'a']"]
FUNCTIONS = {"abs": 1, "round": (1, 2), "divmod": 2, "pow": (2, 3), "min": (1, 3), "max": (1, 3), "sum": (1, 2),
             "sorted": 1, "list": (0, 1), "tuple": (0, 1), "len": 1, "int": (0, 2), "float": (0, 1),
             "str": (0, 1), "bool": (0, 1), "repr": 1, "hex": 1, "oct": 1, "bin": 1, "chr": 1, "ord": 1,
             "all": 1, "any": 1, "reversed": 1, "enumerate": (1, 2), "zip": (0, 3), "map": (2, 3),
             "filter": 2, "isinstance": 2, "callable": 1, "format": (1, 2), "bytes": (0, 1),
             "bytearray": (0, 1), "set": (0, 1), "frozenset": (0, 1), "dict": (0, 1), "range": (1, 3),
             "slice": (1, 3), "next": (1, 2)}
program = Program()
for k in range(int(sys.argv[2])):
    f = rnd.choice(list(FUNCTIONS))
    n = FUNCTIONS[f] if isinstance(FUNCTIONS[f], int) else rnd.randint(*FUNCTIONS[f])
    args = [rnd.choice(ARGS) for _ in range(n)]
    if f in ("map", "filter") and args:
        args[0] = rnd.choice(["abs", "str", "bool", "len", "None"])
    if f == "isinstance" and n == 2:
        args[1] = rnd.choice(["int", "str", "(int, str)", "list", "object", "bool"])
    if f == "next" and args:
        args[0] = "iter(%s)" % args[0]
    program.case("%s(%s)" % (f, ", ".join(args)))
print(program.text())
