# arithmetic special methods on a value type


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)

    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)

    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)

    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __pos__(self):
        return Vec(self.x, self.y)

    def __abs__(self):
        return Vec(abs(self.x), abs(self.y))

    def __eq__(self, o):
        return self.x == o.x and self.y == o.y

    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)


a = Vec(1, 2)
b = Vec(3, -4)
print(a + b, a - b, a * 3, b / 2, b // 2, b % 3, a ** 2)
print(-a, +b, abs(b), a + b * 2 - a, (a + b) * 2 == a * 2 + b * 2)


class Mod7:
    def __init__(self, v):
        self.v = v % 7

    def __add__(self, o):
        return Mod7(self.v + o.v)

    def __mul__(self, o):
        return Mod7(self.v * o.v)

    def __and__(self, o):
        return Mod7(self.v & o.v)

    def __or__(self, o):
        return Mod7(self.v | o.v)

    def __xor__(self, o):
        return Mod7(self.v ^ o.v)

    def __lshift__(self, n):
        return Mod7(self.v << n)

    def __rshift__(self, n):
        return Mod7(self.v >> n)

    def __invert__(self):
        return Mod7(6 - self.v)

    def __str__(self):
        return str(self.v) + "(mod 7)"


m = Mod7(5)
n = Mod7(4)
print(m + n, m * n, m & n, m | n, m ^ n, m << 2, m >> 1, ~m)
total = Mod7(0)
for i in range(10):
    total = total + Mod7(i)
print(total)
try:
    a + 1
except AttributeError:
    print("Vec + int fails inside __add__ with AttributeError")
try:
    Mod7(1) - Mod7(1)
except TypeError:
    print("no __sub__ means TypeError")
