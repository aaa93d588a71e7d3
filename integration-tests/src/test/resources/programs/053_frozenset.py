# frozenset: immutable, hashable, usable as dict keys and set members
f = frozenset([3, 1, 2, 3])
print(sorted(f), len(f), 2 in f, frozenset(), frozenset([5]))
g = frozenset({2, 3, 4})
print(sorted(f | g), sorted(f & g), sorted(f - g), sorted(f ^ g))
print(f == {1, 2, 3}, f == frozenset([1, 2, 3]), f <= {1, 2, 3, 4}, f.issubset(range(5)))
print(hash(f) == hash(frozenset([1, 2, 3])))
d = {f: "first", frozenset(): "empty"}
print(d[frozenset([2, 1, 3])], d[frozenset()])
s = {frozenset([1]), frozenset([1]), frozenset([2])}
print(len(s))
try:
    f.add(9)
except AttributeError:
    print("frozenset has no add")
u = f | {10}
print(sorted(u), isinstance(u, frozenset))
print(sorted(frozenset("hello")), sorted(frozenset(range(4)).union([7])))
