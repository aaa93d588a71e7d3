# dict: literals, lookup, insertion order, update in place, deletion, keys of many types
d = {"one": 1, "two": 2}
d["three"] = 3
print(d, len(d), d["two"], "one" in d, 1 in d, "four" not in d)
d["one"] = 100
print(d)
del d["two"]
print(d)
d["two"] = 2
print(d)
try:
    print(d["missing"])
except KeyError:
    print("missing key raises KeyError")
try:
    del d["missing"]
except KeyError:
    print("del of a missing key raises KeyError")
keys = {1: "int", 2.5: "float", "s": "str", (1, 2): "tuple", None: "none", True: "bool?", frozenset([1]): "fs"}
print(keys)
print(keys[1], keys[1.0], keys[True], keys[(1, 2)], keys[None], keys[frozenset([1])])
try:
    bad = {[1]: 2}
except TypeError:
    print("a list is not hashable")
e = {}
print(e, len(e), bool(e))
for i in range(10):
    e[i % 4] = i
print(e)
words = "the cat and the dog and the bird".split()
freq = {}
for w in words:
    if w in freq:
        freq[w] += 1
    else:
        freq[w] = 1
print(freq)
print(list(freq), list(freq.keys()), list(freq.values()), list(freq.items()))
for k in freq:
    print(k, freq[k])
for k, v in freq.items():
    print(k + "=" + str(v), end=" ")
print()
print({"a": 1} == {"a": 1}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 2})
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": "v"}), dict(zip("abc", range(3))), dict())
print(dict([("x", 1)], y=2), {1: {2: {3: "deep"}}}[1][2][3])
big = {}
for i in range(1000):
    big[i * 7919 % 10007] = i
print(len(big), big[7919], big[0], sum(big.values()))
for i in range(0, 1000, 2):
    del big[i * 7919 % 10007]
print(len(big), list(big.items())[:3])
