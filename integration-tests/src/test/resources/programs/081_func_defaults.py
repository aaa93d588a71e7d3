# default arguments: evaluated once at definition time, shared mutable defaults, None sentinel
BASE = 10


def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct


def power(x, exp=2):
    return x ** exp


def captured(v=BASE):
    return v


def append_to(item, target=[]):
    target.append(item)
    return target


def append_safe(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target


def many(a, b=1, c=2, d=3):
    return (a, b, c, d)


print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", "Yo", "?"))
print(power(3), power(3, 3), power(2, exp=10))
BASE = 20
print(captured(), captured(5))
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
print(append_safe(1), append_safe(2), append_safe(3, [0]))
print(many(0), many(0, 9), many(0, 9, 8), many(0, 9, 8, 7))
print(many(0, d=4), many(0, c=5), many(a=7))


def default_expr(x=2 * 3 + 1, y="ab" * 2, z=(1, 2), w=None):
    return x, y, z, w


print(default_expr(), default_expr(0))
