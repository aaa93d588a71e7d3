# polymorphism over a class hierarchy; class-level constants; methods calling overridden hooks


class Shape:
    sides = 0

    def __init__(self, name):
        self.name = name

    def area(self):
        return 0

    def perimeter(self):
        return 0

    def summary(self):
        return "%s: sides=%d area=%.2f perimeter=%.2f" % (self.name, self.sides, self.area(), self.perimeter())


class Rect(Shape):
    sides = 4

    def __init__(self, w, h):
        Shape.__init__(self, "rect")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    def perimeter(self):
        return 2 * (self.w + self.h)


class Square(Rect):
    def __init__(self, s):
        Rect.__init__(self, s, s)
        self.name = "square"


class Circle(Shape):
    PI = 3.141592653589793

    def __init__(self, r):
        Shape.__init__(self, "circle")
        self.r = r

    def area(self):
        return Circle.PI * self.r * self.r

    def perimeter(self):
        return 2 * self.PI * self.r


class Triangle(Shape):
    sides = 3

    def __init__(self, a, b, c):
        Shape.__init__(self, "triangle")
        self.a = a
        self.b = b
        self.c = c

    def perimeter(self):
        return self.a + self.b + self.c

    def area(self):
        s = self.perimeter() / 2
        return (s * (s - self.a) * (s - self.b) * (s - self.c)) ** 0.5


def area_of(shape):
    return shape.area()


shapes = [Rect(2, 3), Square(4), Circle(1), Triangle(3, 4, 5), Shape("blob")]
for s in shapes:
    print(s.summary())
print(sorted([round(area_of(s), 3) for s in shapes]))
total = 0
for s in shapes:
    if isinstance(s, Rect):
        total += s.area()
print(total)
by_kind = {}
for s in shapes:
    by_kind[s.name] = s.sides
print(by_kind)
