# __call__: callable instances used like functions


class Adder:
    def __init__(self, n):
        self.n = n
        self.calls = 0

    def __call__(self, x, scale=1):
        self.calls += 1
        return (x + self.n) * scale


class Accumulator:
    def __init__(self):
        self.items = []

    def __call__(self, *args, **kwargs):
        self.items.append((args, kwargs))
        return len(self.items)


add5 = Adder(5)
print(add5(1), add5(10, scale=2), add5(x=0), add5.calls)
print(list(map(add5, [1, 2, 3])), sorted([3, 1, 2], key=Adder(-10)))
acc = Accumulator()
acc(1, 2)
acc(k="v")
print(acc(), acc.items)
funcs = [Adder(1), Adder(2), len]
print([f(3) if not f is len else f("abc") for f in funcs])


def apply_twice(f, x):
    return f(f(x))


print(apply_twice(Adder(100), 1))
try:
    Adder(1)()
except TypeError:
    print("missing argument to __call__ is a TypeError")


class NotCallable:
    pass


try:
    NotCallable()()
except TypeError:
    print("calling a non-callable instance is a TypeError")
