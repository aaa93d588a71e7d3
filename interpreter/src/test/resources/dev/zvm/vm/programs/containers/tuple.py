# tuple operations
t = (1, 2, 3, 2)
print(t, t[0], t[-1], t[1:3], t.count(2), t.index(3), len(t), (1,) + (2,), ("a",) * 2, () == ())
print(tuple(), (1, 2) < (1, 2, 0), (2,) > (1, 9), sorted([(2, 1), (1, 2)]))
a, b = 1, 2
a, b = b, a
print(a, b)
(x, y), z = (1, 2), 3
print(x, y, z)
d = {(1, 2): "pair"}
print(d[(1, 2)], hash((1, 2)) == hash((1, 2)))
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)

# expect: (1, 2, 3, 2) 1 2 (2, 3) 2 2 4 (1, 2) ('a', 'a') True
# expect: () True True [(1, 2), (2, 1)]
# expect: 2 1
# expect: 1 2 3
# expect: pair True
# expect: TypeError: 'tuple' object does not support item assignment
