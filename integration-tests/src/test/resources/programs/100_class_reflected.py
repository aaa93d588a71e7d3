# reflected arithmetic (__radd__, __rsub__, __rmul__, ...) and NotImplemented


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented

    def __radd__(self, other):
        if isinstance(other, int):
            return Money(other + self.cents)
        return NotImplemented

    def __sub__(self, other):
        if isinstance(other, int):
            return Money(self.cents - other)
        return Money(self.cents - other.cents)

    def __rsub__(self, other):
        return Money(other - self.cents)

    def __mul__(self, k):
        return Money(self.cents * k)

    def __rmul__(self, k):
        return Money(k * self.cents)

    def __rtruediv__(self, other):
        return other / self.cents

    def __rfloordiv__(self, other):
        return other // self.cents

    def __rmod__(self, other):
        return other % self.cents

    def __rpow__(self, other):
        return other ** self.cents

    def __str__(self):
        return "$%d.%02d" % (self.cents // 100, self.cents % 100)


a = Money(150)
print(a + 50, 50 + a, a + Money(5), 1000 - a, a - 25, 3 * a, a * 3)
print(sum([Money(1), Money(2), Money(3)]), sum([Money(10)], 5))
print(300 / Money(4), 7 // Money(2), 7 % Money(4), 2 ** Money(10))
try:
    print(a + "x")
except TypeError:
    print("NotImplemented on both sides becomes TypeError")
try:
    print("x" + a)
except TypeError:
    print("str + Money is a TypeError")


class Left:
    def __add__(self, other):
        return "Left.__add__"


class Right:
    def __radd__(self, other):
        return "Right.__radd__"


print(Left() + Right(), 1 + Right(), [] + Right())


class Sub(Money):
    def __radd__(self, other):
        return "Sub.__radd__ first"


print(Money(1) + Sub(2))
