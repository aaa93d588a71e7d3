# list comprehensions at module level: mapping, filtering, several conditions, tuple targets
squares = [x * x for x in range(10)]
print(squares)
evens = [x for x in range(20) if x % 2 == 0]
print(evens)
both = [x for x in range(50) if x % 3 == 0 if x % 5 == 0]
print(both)
words = ["apple", "Bob", "cat", "Dover", "eel"]
print([w.upper() for w in words if w[0].islower()])
print([len(w) for w in words])
pairs = [(1, "one"), (2, "two"), (3, "three")]
print([name for num, name in pairs if num != 2])
print([str(n) + "!" for n in [1, 2, 3]])
print([c for c in "hello world" if c not in "aeiou "])
print([x if x > 0 else 0 for x in [-2, -1, 0, 1, 2]])
print([[x, x * x] for x in range(4)])
print([i for i in []], [None for _ in range(3)])
x = "outer"
result = [x for x in range(3)]
print(result, x)
data = {"a": 1, "b": 2, "c": 3}
print([k + str(v) for k, v in data.items()], [k for k in data if data[k] > 1])
print(sum([x for x in range(101)]), max([abs(v) for v in [-7, 3, 5]]))
print([t[1] for t in sorted([(3, "c"), (1, "a"), (2, "b")])])
