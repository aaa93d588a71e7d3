# helper module for 141_imports_from
UNIT = "cm"
VERSION = (1, 2)
COUNTER_START = 41


def area_rect(w, h):
    return w * h


def area_circle(r):
    return 3.0 * r * r


class Rect:
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def area(self):
        return area_rect(self.w, self.h)


def describe(shape):
    return "shape with area %d %s^2" % (shape.area(), UNIT)
