# special methods on user classes, as the builtins and operators use them
class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return "V(%d, %d)" % (self.x, self.y)
    def __str__(self):
        return "<%d,%d>" % (self.x, self.y)
    def __eq__(self, o):
        return isinstance(o, V) and self.x == o.x and self.y == o.y
    def __ne__(self, o):
        return not self == o
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
    def __le__(self, o):
        return (self.x, self.y) <= (o.x, o.y)
    def __gt__(self, o):
        return (self.x, self.y) > (o.x, o.y)
    def __ge__(self, o):
        return (self.x, self.y) >= (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    def __rmul__(self, k):
        return V(self.x * k, self.y * k)
    def __neg__(self):
        return V(-self.x, -self.y)
    def __abs__(self):
        return self.x * self.x + self.y * self.y
    def __bool__(self):
        return self.x != 0 or self.y != 0
a = V(1, 2)
b = V(3, 4)
print(a, repr(a), [a, b], str(a), "%s %r" % (a, a))
print(a + b, b - a, a * 3, 2 * a, -a, abs(b), bool(V(0, 0)), bool(a))
print(a == V(1, 2), a != b, a < b, a <= a, b > a, b >= a, sorted([b, a]), max(a, b), min([b, a]))
print({a: "a"}[V(1, 2)], len({a, V(1, 2), b}), a in [b, V(1, 2)], V(1, 2) in {a})
class Bag:
    def __init__(self):
        self.items = {}
    def __len__(self):
        return len(self.items)
    def __getitem__(self, k):
        return self.items[k]
    def __setitem__(self, k, v):
        self.items[k] = v
    def __delitem__(self, k):
        del self.items[k]
    def __contains__(self, k):
        return k in self.items
    def __iter__(self):
        return iter(sorted(self.items))
    def __call__(self, k, default=None):
        return self.items.get(k, default)
bag = Bag()
bag["x"] = 1
bag["a"] = 2
print(len(bag), bag["x"], "a" in bag, "z" in bag, list(bag), bag("a"), bag("q", 0), bool(bag))
del bag["x"]
print(len(bag), [k for k in bag])
class Count:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Count(3)), sum(Count(4)), [x * 10 for x in Count(2)], sorted(Count(3), reverse=True))
for v in Count(2):
    print("v", v)
class IAdd:
    def __init__(self):
        self.log = []
    def __iadd__(self, o):
        self.log.append(o)
        return self
acc = IAdd()
acc += 1
acc += 2
print(acc.log)

# expect: <1,2> V(1, 2) [V(1, 2), V(3, 4)] <1,2> <1,2> V(1, 2)
# expect: <4,6> <2,2> <3,6> <2,4> <-1,-2> 25 False True
# expect: True True True True True True [V(1, 2), V(3, 4)] <3,4> <1,2>
# expect: a 2 True True
# expect: 2 1 True False ['a', 'x'] 2 0 True
# expect: 1 ['a']
# expect: [1, 2, 3] 10 [10, 20] [3, 2, 1]
# expect: v 1
# expect: v 2
# expect: [1, 2]
