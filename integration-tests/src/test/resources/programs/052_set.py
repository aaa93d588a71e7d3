# set: construction, membership, algebra, methods (output sorted: set order is not portable)
s = {3, 1, 2, 3, 1}
print(sorted(s), len(s), 2 in s, 5 in s, 5 not in s)
e = set()
print(e, len(e), bool(e), {7})
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print(sorted(a.union([10, 11], (12,))), sorted(a.intersection(range(3))))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, a > a, {1, 2}.issubset(a), a.issuperset({4}), a.isdisjoint({9}))
print(a == {4, 3, 2, 1}, a != b, {1, 2} == {2, 1})
s = set()
s.add(5)
s.add(5)
s.add(6)
print(sorted(s))
s.discard(5)
s.discard(100)
print(sorted(s))
s.remove(6)
print(sorted(s), len(s))
try:
    s.remove(6)
except KeyError:
    print("remove of a missing element raises KeyError")
s.update([1, 2], {3})
print(sorted(s))
c = s.copy()
c.add(99)
print(sorted(s), sorted(c))
print(s.pop() in {1, 2, 3}, len(s))
s.clear()
print(s, len(s))
try:
    set().pop()
except KeyError:
    print("pop from an empty set raises KeyError")
words = set("the quick the lazy the end".split())
print(sorted(words), len(words), "quick" in words)
letters = set("mississippi")
print(sorted(letters))
print(sorted(set([1, 1.0, True, 2])), len({1, 1.0, True}))
x = {1, 2, 3}
x |= {4}
x &= {1, 2, 4}
x -= {1}
x ^= {2, 10}
print(sorted(x))
print(sorted(set(range(10)) - set(range(0, 10, 3))), sorted({(1, 2), (0, 5)}))
try:
    bad = {[1, 2]}
except TypeError:
    print("list is unhashable in a set")
