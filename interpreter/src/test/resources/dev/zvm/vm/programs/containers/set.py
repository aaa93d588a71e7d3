# set and frozenset: methods, operators, CPython's iteration order for ints
s = {3, 1, 2}
s.add(5)
s.add(1)
s.discard(7)
s.remove(3)
print(s, len(s), 2 in s, 3 in s)
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b, a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a <= b, {1} < a, a >= {1, 2}, a.issubset({1, 2, 3, 4, 5}), a.issuperset({1}), a.isdisjoint({9}))
c = set(a)
c.update([10, 11], {12})
c.intersection_update(range(11))
print(c)
c.difference_update({1, 2})
c.symmetric_difference_update({3, 99})
print(c, c.pop() in range(100), len(c))
print(set(), frozenset(), set("aab") == {"a", "b"}, frozenset([1, 2]) | {3}, frozenset({1}) == {1})
print({x % 5 for x in range(20)}, {100, 7, 33, 64}, {-1, -2, 0}, set([17, 9, 1, 33]))
fs = frozenset([1, 2])
d = {fs: "frozen"}
print(d[frozenset([2, 1])], hash(fs) == hash(frozenset([1, 2])))
big = set(range(0, 300, 7))
big.discard(7)
print(len(big), sorted(big)[:5])
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
try:
    {1}.remove(2)
except KeyError as e:
    print("KeyError:", e)

# expect: {1, 2, 5} 3 True False
# expect: {1, 2, 3, 4, 5} {3, 4} {1, 2} {1, 2, 5} {1, 2, 3, 4, 5} {3, 4} {1, 2} {1, 2, 5}
# expect: False True True True True True
# expect: {1, 2, 3, 4, 10}
# expect: {99, 10} True 2
# expect: set() frozenset() True frozenset({1, 2, 3}) True
# expect: {0, 1, 2, 3, 4} {64, 33, 100, 7} {0, -1, -2} {17, 33, 9, 1}
# expect: frozen True
# expect: 42 [0, 14, 21, 28, 35]
# expect: KeyError: 'pop from an empty set'
# expect: KeyError: 2
