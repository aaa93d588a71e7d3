# helper module for 142_imports_package


class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def as_list(self):
        return [self.x, self.y]


ORIGIN = Vector(0, 0)


def add(a, b):
    return Vector(a.x + b.x, a.y + b.y)


def dot(a, b):
    return a.x * b.x + a.y * b.y
