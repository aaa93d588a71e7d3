# container protocol: __len__, __getitem__, __setitem__, __delitem__, __contains__


class SparseVector:
    def __init__(self, size):
        self.size = size
        self.data = {}

    def __len__(self):
        return self.size

    def __getitem__(self, i):
        if i < 0:
            i += self.size
        if i < 0 or i >= self.size:
            raise IndexError("index out of range")
        return self.data.get(i, 0)

    def __setitem__(self, i, v):
        if v == 0:
            if i in self.data:
                del self.data[i]
        else:
            self.data[i] = v

    def __delitem__(self, i):
        del self.data[i]

    def __contains__(self, v):
        if v == 0:
            return len(self.data) < self.size
        return v in self.data.values()


v = SparseVector(10)
v[3] = 7
v[5] = 9
v[-1 + 10] = 1
print(len(v), v[3], v[4], v[-1], 7 in v, 8 in v, 0 in v, 8 not in v)
v[3] = 0
print(sorted(v.data.items()))
del v[5]
print(sorted(v.data.items()))
try:
    del v[5]
except KeyError:
    print("deleting a missing entry raises KeyError")
try:
    v[10]
except IndexError as e:
    print("IndexError:", e)


class Table:
    def __init__(self):
        self.rows = {}

    def __getitem__(self, key):
        r, c = key
        return self.rows.get((r, c), ".")

    def __setitem__(self, key, value):
        self.rows[key] = value

    def __len__(self):
        return len(self.rows)


t = Table()
t[0, 0] = "a"
t[1, 2] = "b"
print(t[0, 0], t[1, 2], t[2, 2], len(t))
for r in range(2):
    print("".join([t[r, c] for c in range(3)]))


class Seq:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if isinstance(i, slice):
            whole = []
            for j in range(self.n):
                whole.append(self[j])
            return whole[i]
        if i >= self.n:
            raise IndexError(i)
        return i * 10


s = Seq(5)
print(len(s), s[2], s[1:3], s[::-2])
