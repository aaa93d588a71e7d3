# starred assignment targets
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = [1, 2, 3, 4]
print(init, last)
a, *mid, z = "abcdef"
print(a, mid, z)
a, *mid, z = [1, 2]
print(a, mid, z)
*everything, = (5, 6, 7)
print(everything)
head, *tail = range(5)
print(head, tail, type(tail) == list)
x, y, *others = (1, 2)
print(x, y, others)
(p, *q), r = [1, 2, 3], 4
print(p, q, r)
for k, *vals in [("a", 1, 2), ("b",), ("c", 3)]:
    print(k, vals)
*s, = "hi"
print(s)
try:
    a, b, *c = [1]
except ValueError:
    print("not enough values for starred unpacking")
nums = [9, 8, 7, 6]
lo, *_, hi = sorted(nums)
print(lo, hi)
d = {"k1": 1, "k2": 2, "k3": 3}
fk, *other_keys = d
print(fk, other_keys)
