# helper module for 140_imports_basic
PI_APPROX = 3.14


def square(x):
    return x * x


def cube(x):
    return x * square(x)


def clamp(v, lo, hi):
    if v < lo:
        return lo
    if v > hi:
        return hi
    return v


class Accumulator:
    def __init__(self):
        self.total = 0
        self.count = 0

    def add(self, v):
        self.total += v
        self.count += 1

    def mean(self):
        return self.total / self.count
