# sorted() and list.sort() with key= and reverse=, stability, tuples and strings


def second(pair):
    return pair[1]


def neg(x):
    return -x


def by_len_then_alpha(w):
    return (len(w), w)


data = [5, 2, 9, 1, 5, 6, -3, 0]
print(sorted(data), sorted(data, reverse=True), data)
print(sorted(data, key=neg), sorted(data, key=abs), sorted(data, key=abs, reverse=True))
pairs = [("b", 2), ("a", 2), ("c", 1), ("d", 3), ("e", 1)]
print(sorted(pairs))
print(sorted(pairs, key=second))
print(sorted(pairs, key=second, reverse=True))
words = ["banana", "Apple", "cherry", "fig", "date", "elderberry", "kiwi"]
print(sorted(words), sorted(words, key=len), sorted(words, key=by_len_then_alpha))
words.sort(key=len, reverse=True)
print(words)
print(sorted("hello world"), sorted((3, 1, 2)), sorted({"z": 1, "a": 2}), sorted(range(5, 0, -1)))
print(sorted([3.5, 1, 2.25, -0.5]), sorted([[2, 1], [1, 2], [1, 1, 1]]), sorted([]))
records = [("x", 3), ("y", 1), ("z", 3), ("w", 1), ("v", 2)]
records.sort(key=second)
print(records)
records.sort(key=second, reverse=True)
print(records)
try:
    sorted([1, "a"])
except TypeError:
    print("mixed int/str sort is a TypeError")
big = []
x = 12345
for i in range(200):
    x = (x * 1103515245 + 12345) % 2147483648
    big.append(x % 1000)
s = sorted(big)
ok = True
for i in range(len(s) - 1):
    if s[i] > s[i + 1]:
        ok = False
print(ok, s[:10], s[-5:], len(s))
