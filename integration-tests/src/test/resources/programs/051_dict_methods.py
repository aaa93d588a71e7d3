# dict methods: get, setdefault, pop, popitem, update, keys/values/items, copy, clear, fromkeys
d = {"a": 1, "b": 2, "c": 3}
print(d.get("a"), d.get("z"), d.get("z", 0), d.get("b", 99))
print(d.setdefault("a", 50), d.setdefault("d", 4), d.setdefault("e"), d)
print(d.pop("e"), d.pop("zz", "default"), d)
try:
    d.pop("zz")
except KeyError:
    print("pop of a missing key without a default raises KeyError")
print(d.popitem(), d)
d.update({"b": 20, "x": 9})
print(d)
d.update([("y", 10)])
d.update(z=26)
print(d)
print(list(d.keys()), list(d.values()), list(d.items()))
print("x" in d.keys(), 20 in d.values(), ("a", 1) in d.items(), len(d.keys()))
c = d.copy()
c["new"] = 0
print(len(d), len(c), c is d)
c.clear()
print(c, d)
print(dict.fromkeys(["p", "q"]), dict.fromkeys("ab", 0))
inv = {}
for k, v in d.items():
    inv[v] = k
print(inv)
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
total = 0
for v in d.values():
    total += v
print(total, sorted(d), sorted(d.values()), max(d), min(d.values()))
e = {}
try:
    e.popitem()
except KeyError:
    print("popitem on an empty dict raises KeyError")
order = {}
order["z"] = 1
order["a"] = 2
order["m"] = 3
order.pop("a")
order["a"] = 4
print(order, list(order))
