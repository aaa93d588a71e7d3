# tuple: packing, single-element, immutability, methods, comparison, hashing
t = (1, 2, 3)
u = 4, 5
single = (9,)
not_tuple = (9)
empty = ()
print(t, u, single, not_tuple, empty, len(empty), len(single))
print(t + u, t * 2, t[1], t[-1], t[1:], 2 in t, t.count(2), t.index(3))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 100), (1, 2) == (1, 2), () < (0,))
print(tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple(), tuple({"a": 1}))
try:
    t[0] = 10
except TypeError:
    print("tuples are immutable")
nested = ((1, 2), (3, (4, 5)))
print(nested, nested[1][1][0], len(nested))
d = {(0, 0): "origin", (1, 2): "point"}
print(d[(1, 2)], d[0, 0], (0, 0) in d)
print(hash((1, 2)) == hash((1, 2)), hash((1, "a")) == hash((1, "a")))
holder = ([1],)
holder[0].append(2)
print(holder)
a, b, c = t
print(a, b, c)
print(tuple([x * 2 for x in t]))
print(max((3, 1), (2, 9)), min([(1, "b"), (1, "a")]), sorted([(2, 1), (1, 2), (1, 1)]))
