"""CPython's view of a snippet, in the S-expression form AstDump.java prints for ours.

Usage: python3 astdump.py FILE...   (prints one dump per file)
       python3 astdump.py --cases cases.txt > cases.expected
The .expected file next to cases.txt was made with the second form (CPython 3.11); the parser
test compares our parser's dump of each case with it.
"""
import ast
import struct
import sys

SKIP = {"ctx", "type_comment", "kind", "simple", "type_ignores", "end_lineno", "end_col_offset"}


def s(v):
    out = ['"']
    for ch in v:
        c = ord(ch)
        if 0x20 <= c < 0x7F and ch not in '"\\':
            out.append(ch)
        else:
            out.append("\\u{%x}" % c)
    out.append('"')
    return "".join(out)


def value(v):
    if v is None:
        return "None"
    if v is True:
        return "True"
    if v is False:
        return "False"
    if v is Ellipsis:
        return "Ellipsis"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return "f%x" % (struct.unpack("<Q", struct.pack("<d", v))[0])
    if isinstance(v, complex):
        return "j%x" % (struct.unpack("<Q", struct.pack("<d", v.imag))[0])
    if isinstance(v, str):
        return s(v)
    if isinstance(v, bytes):
        return "b" + v.hex()
    raise TypeError(type(v))


def dump(node, pos=True):
    if isinstance(node, list):
        return "[" + " ".join(dump(x, pos) for x in node) + "]"
    if not isinstance(node, ast.AST):
        return value(node)
    name = type(node).__name__
    if isinstance(node, (ast.operator, ast.unaryop, ast.cmpop, ast.boolop)):
        return name
    if isinstance(node, ast.Match):
        return "(Match@%d:%d)" % (node.lineno, node.col_offset + 1)
    inner = pos and not isinstance(node, (ast.JoinedStr, ast.FormattedValue))
    parts = [name]
    if pos and isinstance(node, (ast.stmt, ast.expr)):
        parts[0] += "@%d:%d" % (node.lineno, node.col_offset + 1)
    for f in node._fields:
        if f in SKIP:
            continue
        parts.append(dump(getattr(node, f), inner))
    return "(" + " ".join(parts) + ")"


def main():
    if sys.argv[1] == "--cases":
        text = open(sys.argv[2], encoding="utf-8").read()
        for case in text.rstrip("\n").split("\n#----\n"):
            try:
                print(dump(ast.parse(case).body))
            except SyntaxError as e:
                print("SyntaxError")
        return
    for path in sys.argv[1:]:
        print(dump(ast.parse(open(path, encoding="utf-8").read()).body))


main()
