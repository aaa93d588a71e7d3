# in-place operators: __iadd__ and friends mutate; without them += falls back to __add__


class Bag:
    def __init__(self):
        self.items = []

    def __iadd__(self, item):
        self.items.append(item)
        return self

    def __isub__(self, item):
        self.items.remove(item)
        return self

    def __imul__(self, n):
        self.items = self.items * n
        return self

    def __len__(self):
        return len(self.items)


b = Bag()
alias = b
b += "x"
b += "y"
b -= "x"
b *= 3
print(b.items, len(b), alias is b)


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return Num(self.v + o)

    def __mul__(self, o):
        return Num(self.v * o)


n = Num(1)
keep = n
n += 5
n *= 2
print(n.v, keep.v, n is keep)
lst = [1]
same = lst
lst += [2]
print(lst, same, lst is same)
tup = (1,)
other = tup
tup += (2,)
print(tup, other, tup is other)
s = "ab"
s2 = s
s += "c"
print(s, s2)
counts = {"a": Bag()}
counts["a"] += 1
counts["a"] += 2
print(counts["a"].items)


class Holder:
    def __init__(self):
        self.total = Num(10)


h = Holder()
h.total += 5
print(h.total.v)
