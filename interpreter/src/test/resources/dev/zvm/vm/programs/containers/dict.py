# dict methods: insertion order, get, keys/values/items, update, pop, popitem, setdefault, copy, fromkeys
d = {"b": 1, "a": 2}
d["c"] = 3
d["b"] = 10
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), d.values(), d.items())
d.update({"d": 4}, e=5)
d.update([("f", 6)])
print(d)
print(d.pop("a"), d.pop("zz", None), d.popitem(), d)
print(d.setdefault("b", 0), d.setdefault("new", []), d)
e = d.copy()
e.clear()
print(e, d == dict(d), {1: 2} == {1: 2.0}, dict.fromkeys("ab", 0))
del d["b"]
print(d)
mixed = {1: "int", 1.5: "float", "s": "str", (1, 2): "tuple", None: "none", True: "bool"}
print(mixed[1], mixed[1.5], mixed[(1, 2)], mixed[None], len(mixed))
counts = {}
for w in "the cat and the hat and the bat".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
print({k: v for k, v in zip("abc", range(3))}, {**{"x": 1}, "y": 2})
big = {}
for i in range(1000):
    big[i] = i * i
for i in range(0, 1000, 3):
    del big[i]
print(len(big), big[998], sum(big.values()), list(big)[:5])
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)

# expect: {'b': 10, 'a': 2, 'c': 3} 3 2 None 0 True True
# expect: ['b', 'a', 'c'] [10, 2, 3] [('b', 10), ('a', 2), ('c', 3)]
# expect: dict_keys(['b', 'a', 'c']) dict_values([10, 2, 3]) dict_items([('b', 10), ('a', 2), ('c', 3)])
# expect: {'b': 10, 'a': 2, 'c': 3, 'd': 4, 'e': 5, 'f': 6}
# expect: 2 None ('f', 6) {'b': 10, 'c': 3, 'd': 4, 'e': 5}
# expect: 10 [] {'b': 10, 'c': 3, 'd': 4, 'e': 5, 'new': []}
# expect: {} True True {'a': 0, 'b': 0}
# expect: {'c': 3, 'd': 4, 'e': 5, 'new': []}
# expect: bool float tuple none 5
# expect: {'the': 3, 'cat': 1, 'and': 2, 'hat': 1, 'bat': 1}
# expect: {'a': 0, 'b': 1, 'c': 2} {'x': 1, 'y': 2}
# expect: 666 996004 221555889 [1, 2, 4, 5, 7]
# expect: KeyError: 'missing'
# expect: KeyError: 'popitem(): dictionary is empty'
# expect: TypeError: unhashable type: 'list'
