# rich comparisons: __eq__, __ne__, __lt__, __le__, __gt__, __ge__; sorting, min/max, reflection


class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor

    def key(self):
        return (self.major, self.minor)

    def __eq__(self, other):
        return self.key() == other.key()

    def __ne__(self, other):
        return self.key() != other.key()

    def __lt__(self, other):
        return self.key() < other.key()

    def __le__(self, other):
        return self.key() <= other.key()

    def __gt__(self, other):
        return self.key() > other.key()

    def __ge__(self, other):
        return self.key() >= other.key()

    def __repr__(self):
        return "v" + str(self.major) + "." + str(self.minor)


a = Version(1, 2)
b = Version(1, 10)
c = Version(1, 2)
print(a == c, a != c, a == b, a != b, a is c)
print(a < b, a <= c, b > a, b >= b, a > b, a >= b)
vs = [Version(2, 0), Version(1, 5), Version(1, 10), Version(0, 9)]
print(sorted(vs), sorted(vs, reverse=True), min(vs), max(vs))
print(a in [Version(0, 1), Version(1, 2)], [a, b].index(Version(1, 10)), [a, b, c].count(a))
print(Version(0, 1) < a < Version(3, 0))


class OnlyLt:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        return self.n < other.n

    def __repr__(self):
        return "L" + str(self.n)


x = OnlyLt(1)
y = OnlyLt(2)
print(x < y, y > x, y < x, x > y)
print(sorted([OnlyLt(3), OnlyLt(1), OnlyLt(2)]), max([OnlyLt(3), OnlyLt(7)]))


class OnlyEq:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return isinstance(other, OnlyEq) and self.n == other.n


print(OnlyEq(1) == OnlyEq(1), OnlyEq(1) != OnlyEq(1), OnlyEq(1) != OnlyEq(2), OnlyEq(1) == 1)


class Plain:
    pass


p = Plain()
q = Plain()
print(p == p, p == q, p != q)
try:
    print(p < q)
except TypeError:
    print("ordering without __lt__ is a TypeError")
