class Shape:
    sides = 0

    def __init__(self, name):
        self.name = name

    def describe(self):
        return "%s with %d sides" % (self.name, self.sides)


class Square(Shape):
    sides = 4

    def describe(self):
        return super().describe() + "!"


print(Square("square").describe())
