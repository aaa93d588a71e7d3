"""Attribute and method access (written for zvm).

A small class hierarchy: instance fields read and written directly, class attributes, methods
inherited and overridden, calls through bound methods kept in a local, getattr/setattr/hasattr
with literal names, and isinstance. Each step changes the counters by a known amount, so the
totals are checked in closed form for any workload.
"""
import harness


class Point:
    dimensions = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx, dy):
        self.x += dx
        self.y += dy
        return self

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def kind(self):
        return 1


class Point3(Point):
    dimensions = 3

    def __init__(self, x, y, z):
        Point.__init__(self, x, y)
        self.z = z

    def norm1(self):
        return Point.norm1(self) + abs(self.z)

    def kind(self):
        return 2


class Counter:
    def __init__(self):
        self.hits = 0
        self.misses = 0
        self.total = 0

    def add(self, value):
        self.total += value
        self.hits += 1


def run(n):
    flat = Point(0, 0)
    deep = Point3(0, 0, 0)
    counter = Counter()
    add = counter.add
    i = 0
    while i < n:
        flat.moved(1, -1)
        deep.moved(2, 1).z -= 1
        add(flat.norm1() - deep.norm1() + flat.dimensions + deep.dimensions)
        if deep.kind() > flat.kind():
            counter.misses = counter.misses + Point3.dimensions - Point.dimensions
        setattr(flat, "x", getattr(flat, "x") - 1)
        if hasattr(deep, "z") and isinstance(deep, Point):
            deep.z += 1
        flat.x += 1
        i += 1
    return [flat.x, flat.y, deep.x, deep.y, deep.z, counter.hits, counter.misses, counter.total]


def check(n, result):
    # After step i (from 1): flat = (i, -i), deep = (2i, i, 0) with z = -1 when add() reads it.
    # add(2i - (2i + i + 1) + 5) = add(4 - i) -> total = 4n - n(n+1)/2.
    expected = [n, -n, 2 * n, n, 0, n, n, 4 * n - n * (n + 1) // 2]
    if result != expected:
        return "figures %r, expected %r" % (result, expected)
    return None


harness.bench("attributes", {"tiny": 200, "small": 20000, "default": 300000}, run, check)
