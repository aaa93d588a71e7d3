# iteration builtins: range, enumerate, zip, reversed, sorted, iter, next, map, filter
print(list(range(5)), list(range(2, 8, 3)), list(range(5, 0, -2)), list(range(0)))
print(list(enumerate("ab")), list(enumerate([7, 8], 1)), list(enumerate("xy", start=5)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
print(sorted([3, 1, 2]), sorted("bca"), sorted([3, 1, 2], reverse=True), sorted(["bb", "a", "ccc"], key=len))
print(sorted([(2, "a"), (1, "b"), (2, "0")]), sorted({"b": 1, "a": 2}), sorted([1.5, -1, 0]))
words = ["pear", "fig", "apple", "kiwi"]
print(sorted(words, key=len, reverse=True))
it = iter([10, 20])
print(next(it), next(it), next(it, "done"))
def double(x):
    return x * 2
def odd(x):
    return x % 2 == 1
print(list(map(double, [1, 2, 3])), list(filter(odd, range(10))), list(filter(None, [0, 1, "", "a"])))
def add(a, b):
    return a + b
print(list(map(add, [1, 2, 3], [10, 20, 30])))
total = 0
for i, (a, b) in enumerate(zip("abc", range(3))):
    total += i + b
print(total)
d = {"x": 1, "y": 2}
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, v)
print(list(d.keys()), list(d.values()), list(d.items()))

# expect: [0, 1, 2, 3, 4] [2, 5] [5, 3, 1] []
# expect: [(0, 'a'), (1, 'b')] [(1, 7), (2, 8)] [(5, 'x'), (6, 'y')]
# expect: [(1, 'a'), (2, 'b')] [] [(1, 2, 3)]
# expect: [3, 2, 1] ['c', 'b', 'a'] [3, 2, 1, 0] [2, 1]
# expect: [1, 2, 3] ['a', 'b', 'c'] [3, 2, 1] ['a', 'bb', 'ccc']
# expect: [(1, 'b'), (2, '0'), (2, 'a')] ['a', 'b'] [-1, 0, 1.5]
# expect: ['apple', 'pear', 'kiwi', 'fig']
# expect: 10 20 done
# expect: [2, 4, 6] [1, 3, 5, 7, 9] [1, 'a']
# expect: [11, 22, 33]
# expect: 6
# expect: x 1
# expect: y 2
# expect: x 1
# expect: y 2
# expect: ['x', 'y'] [1, 2] [('x', 1), ('y', 2)]
