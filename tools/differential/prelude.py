# Shared by the generated programs: show() prints one case per line, its source and its value or
# the name of the exception it raised, in a form that CPython and zvm print alike.
PRELUDE = '''
def norm(r):
    if isinstance(r, (set, frozenset)):
        return sorted(r, key=repr)
    if isinstance(r, float):
        return repr(r)
    if not isinstance(r, (int, str, bytes, bytearray, list, tuple, dict, type(None), range, slice, type)) and not callable(r):
        return list(r)
    return r
def show(src, f):
    try:
        print(src, '=>', repr(norm(f())))
    except Exception as e:
        print(src, '=>', type(e).__name__)
'''


class Program:
    """Cases, written as functions in blocks of 40 (a module's code must stay under 64 KiB in zvm)."""

    def __init__(self):
        self.cases = []

    def case(self, src, body=None):
        """A case: a function returning src, or running body (lines joined by newline and four
        spaces) and returning its last line."""
        self.cases.append((src, body or "return " + src))

    def text(self):
        out = [PRELUDE]
        for b in range(0, len(self.cases), 40):
            out.append("def block%d():\n" % b)
            for k, (src, body) in enumerate(self.cases[b:b + 40]):
                out.append("    def c%d():\n        %s\n    show(%r, c%d)\n" % (k, body.replace("\n    ", "\n        "), src, k))
            out.append("block%d()\n" % b)
        return "".join(out)
