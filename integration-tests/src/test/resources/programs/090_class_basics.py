# classes: __init__, instance and class attributes, methods, bound methods as values


class Counter:
    instances = 0
    step = 1

    def __init__(self, start=0):
        self.value = start
        Counter.instances += 1

    def inc(self):
        self.value += self.step
        return self

    def get(self):
        return self.value

    def add_many(self, n):
        for i in range(n):
            self.inc()
        return self.get()


a = Counter()
b = Counter(10)
print(a.value, b.value, Counter.instances, a.instances)
a.inc().inc()
print(a.get(), b.get())
b.step = 5
print(b.add_many(2), a.add_many(2), Counter.step, b.step, a.step)
Counter.step = 100
print(a.inc().get(), b.inc().get())
m = a.inc
print(m().get(), m().get())
f = Counter.get
print(f(a), f(b))


class Empty:
    pass


e = Empty()
e.x = 1
e.y = [2]
e.y.append(3)
print(e.x, e.y)
e.x = "rebound"
print(e.x)


class Point:
    origin_name = "O"

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

    def dist2(self, other):
        return (self.x - other.x) ** 2 + (self.y - other.y) ** 2

    def as_tuple(self):
        return (self.x, self.y)


p = Point(1, 2)
q = p.moved(3, 4)
print(p.as_tuple(), q.as_tuple(), p.dist2(q), Point.origin_name, p.origin_name)
points = [Point(i, i * i) for i in range(4)]
print([pt.as_tuple() for pt in points])
print(isinstance(p, Point), isinstance(p, Counter), type(p) == Point, type(p) is Point)
try:
    print(p.z)
except AttributeError:
    print("missing attribute raises AttributeError")
