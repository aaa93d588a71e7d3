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


def case(out, k, src, body=None):
    """Appends case k: a function returning src (or running body, then returning its last line)."""
    out.append("def c%d():\n    %s\nshow(%r, c%d)\n" % (k, body or "return " + src, src, k))
