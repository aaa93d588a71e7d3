"""list, tuple, dict and set methods with awkward arguments; each case shows the result and the
receiver afterwards. Usage: python3 container_methods.py SEED N > program.py"""
import random
import sys

from prelude import Program

rnd = random.Random(int(sys.argv[1]))
ARGS = ["0", "1", "-1", "2", "5", "-7", "'a'", "2.0", "None", "True", "[1]", "(1, 2)", "{1: 3}", "{2, 9}",
        "range(3)", "'xy'"]
FAMILIES = [
    (["[]", "[1]", "[3, 1, 2]", "[1, 'a', 1.5]", "[[1], [2]]", "[2, 2, 2]", "list(range(6))"],
     {"append": 1, "extend": 1, "insert": 2, "pop": (0, 1), "remove": 1, "index": (1, 3), "count": 1,
      "reverse": 0, "copy": 0, "clear": 0, "sort": 0}),
    (["()", "(1,)", "(3, 1, 2)", "(1, 'a')", "(2, 2)"], {"index": (1, 3), "count": 1}),
    (["{}", "{1: 2}", "{'a': 1, 'b': 2}", "{1: 'x', 2: 'y', 3: 'z'}"],
     {"get": (1, 2), "pop": (1, 2), "popitem": 0, "setdefault": (1, 2), "update": 1, "keys": 0, "values": 0,
      "items": 0, "copy": 0, "clear": 0}),
    (["set()", "{1}", "{1, 2, 3}", "{'a', 2}"],
     {"add": 1, "remove": 1, "discard": 1, "pop": 0, "union": (1, 2), "intersection": (1, 2),
      "difference": (1, 2), "symmetric_difference": 1, "issubset": 1, "issuperset": 1, "isdisjoint": 1,
      "update": (1, 2), "intersection_update": 1, "difference_update": 1, "symmetric_difference_update": 1,
      "copy": 0, "clear": 0}),
]
program = Program()
for k in range(int(sys.argv[2])):
    receivers, methods = rnd.choice(FAMILIES)
    m = rnd.choice(list(methods))
    n = methods[m] if isinstance(methods[m], int) else rnd.randint(*methods[m])
    call = "x.%s(%s)" % (m, ", ".join(rnd.choice(ARGS) for _ in range(n)))
    r = rnd.choice(receivers)
    program.case("%s; %s" % (r, call), "x = %s\n    y = %s\n    return (norm(y), norm(x))" % (r, call))
print(program.text())
