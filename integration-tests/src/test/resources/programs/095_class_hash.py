# __hash__ with __eq__: user objects as dict keys and set members


class Key:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def __eq__(self, other):
        return self.a == other.a and self.b == other.b

    def __hash__(self):
        return hash((self.a, self.b))

    def __repr__(self):
        return "Key(" + str(self.a) + "," + str(self.b) + ")"


d = {}
d[Key(1, 2)] = "first"
d[Key(3, 4)] = "second"
d[Key(1, 2)] = "replaced"
print(len(d), d[Key(1, 2)], Key(3, 4) in d, Key(5, 6) in d)
print(d)
s = {Key(0, 0), Key(0, 0), Key(0, 1)}
print(len(s), Key(0, 1) in s)
print(hash(Key(1, 2)) == hash(Key(1, 2)))


class Bucket:
    calls = 0

    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return self.v % 3

    def __eq__(self, other):
        Bucket.calls += 1
        return self.v == other.v


items = {}
for i in range(9):
    items[Bucket(i)] = i * i
print(len(items), items[Bucket(7)], Bucket(9) in items, Bucket.calls > 0)


class Fixed:
    def __hash__(self):
        return 12345


print(hash(Fixed()), hash(7), hash(True), hash(0), hash(1.0) == hash(1), hash("a") == hash("a"))


class Unhashable:
    def __eq__(self, other):
        return True


try:
    hash(Unhashable())
except TypeError:
    print("__eq__ without __hash__ makes instances unhashable")


class Identity:
    pass


i1 = Identity()
i2 = Identity()
reg = {i1: "one", i2: "two"}
print(reg[i1], reg[i2], len({i1, i1, i2}))
