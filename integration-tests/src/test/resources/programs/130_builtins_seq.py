# builtins over sequences: len, range, enumerate, zip, reversed, sorted
print(len("abc"), len([1, 2]), len((1,)), len({"a": 1}), len({1, 2, 3}), len(range(10)), len(b"xy"), len(bytearray(3)))
print(list(enumerate("abc")), list(enumerate(["x", "y"], 1)), list(enumerate([], 5)), list(enumerate("ab", start=10)))
print(list(zip([1, 2, 3], "abc")), list(zip([1, 2, 3], [4, 5])), list(zip()), list(zip([1, 2])))
print(list(zip("ab", "cd", "ef")), dict(zip(["k1", "k2"], [1, 2])))
names = ["ann", "bob"]
ages = [30, 40]
for n, a in zip(names, ages):
    print(n, a)
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))), list(reversed(range(3))))
r = reversed([1, 2])
print(next(r), next(r), next(r, "end"))
print(sorted([3, 1, 2]), sorted("cba"), sorted((2, 1)), sorted([1, 2, 3], reverse=True), sorted(["bb", "a", "ccc"], key=len))
pairs = list(zip(range(3), reversed(range(3))))
print(pairs, [a + b for a, b in pairs])
print([i * c for i, c in enumerate("abc")])
unzipped = list(zip(*[(1, "a"), (2, "b"), (3, "c")]))
print(unzipped)
