# hash(): equal values hash equal across types; small ints hash to themselves
print(hash(0), hash(1), hash(42), hash(-42), hash(1073741824), hash(2 ** 40), hash(True), hash(False))
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(-0.0), hash(2.5) == hash(2.5))
print(hash("abc") == hash("ab" + "c"), hash(b"abc") == hash(b"abc"), hash((1, "a")) == hash((1, "a")))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), hash(()) == hash(()))
for bad in [[1], {"a": 1}, {1}, bytearray(b"x")]:
    try:
        hash(bad)
        print("hashable?")
    except TypeError:
        print("unhashable")
try:
    hash(([1], 2))
except TypeError:
    print("tuple containing a list is unhashable")
d = {1: "int", 2.0: "float"}
print(d[1.0], d[2], d[True])
