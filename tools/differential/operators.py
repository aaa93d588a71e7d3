"""Every operator over every pair of 30 values (ints at the small and 64-bit edges, floats, inf,
text, containers, ranges). Usage: python3 operators.py [SEED N, both unused] > program.py"""
from prelude import Program

VALUES = ["0", "1", "-1", "7", "-3", "2**30", "-2**31", "2**40", "1.5", "-0.0", "0.1", "-2.5", "1e300",
          "float('inf')", "True", "False", "None", "''", "'ab'", "b'xy'", "bytearray(b'q')", "[1, 2]", "[]",
          "(1,)", "()", "{1: 2}", "{3}", "frozenset([3])", "range(3)", "range(0)"]
BINARY = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "<", "<=", "==", "!=", ">", ">=", "in"]
BIG = ("2**30", "-2**31", "2**40", "1e300")
program = Program()
for a in VALUES:
    for b in VALUES:
        for op in BINARY:
            if op in ("**", "<<") and b in BIG or op == "*" and (a in BIG or b in BIG):
                continue  # CPython's big ints would need gigabytes; zvm's are 64-bit
            # operands in variables, so that neither compiler folds or warns about the expression
            program.case("%s %s %s" % (a, op, b), "a = %s\n    b = %s\n    return a %s b" % (a, b, op))
    for op in ("-%s", "+%s", "~%s", "not %s", "abs(%s)", "%s[0]", "%s[-1:]"):
        program.case(op % a, "a = %s\n    return %s" % (a, op % "a"))
print(program.text())
