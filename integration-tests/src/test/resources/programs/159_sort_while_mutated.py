# A sort whose comparisons or key look at, shrink or grow the list being sorted: the list is
# empty while it sorts, growth ends in ValueError, and the list keeps its own items.
L = []
class Shrink:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        L.clear()
        return self.v < o.v
    def __repr__(self):
        return 'S%d' % self.v
def kind(f):
    try:
        f()
        return 'ok'
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)
for n in (2, 9, 30):
    L.extend([Shrink((i * 7) % n) for i in range(n)])
    print(kind(L.sort), len(L), L[:3])
    L.clear()
def shrinking_key(x):
    L.clear()
    return -x
def grow_key(x):
    L.append(x)
    return x
L.extend([3, 1, 2])
print(kind(L.sort), L)
M = [5, 4, 6]
def mkey(x):
    M.append(x)
    return x
def sort_m():
    M.sort(key=mkey)
print(kind(sort_m), len(M))
print(sorted([3, 1, 2], key=grow_key), L)
