# iterator protocol: __iter__ / __next__ with StopIteration, iter() and next() builtins


class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


class Squares:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return SquaresIter(self.n)


class SquaresIter:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration()
        v = self.i * self.i
        self.i += 1
        return v


for x in Countdown(3):
    print(x, end=" ")
print()
sq = Squares(5)
print(list(sq), list(sq), sum(sq), max(sq), sorted(sq, reverse=True))
print([v + 1 for v in Squares(4)], tuple(Squares(3)), 9 in Squares(4), 10 in Squares(4))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"), next(it, None))
try:
    next(it)
except StopIteration:
    print("exhausted iterator raises StopIteration")
c = Countdown(4)
for a in c:
    if a == 2:
        break
print("resumed:", list(c))
print(list(zip(Countdown(3), Squares(3))), list(enumerate(Countdown(2))))
print(dict(zip(["a", "b"], Squares(2))), sorted(set(Squares(4))))
i1 = iter([1, 2, 3])
print(next(i1), list(i1), list(i1))
s_it = iter("ab")
print(next(s_it), next(s_it), next(s_it, "end"))
d_it = iter({"k1": 1, "k2": 2})
print(next(d_it), next(d_it))
r_it = iter(range(2))
print(next(r_it), next(r_it), next(r_it, -1))
lst = [10, 20]
li = iter(lst)
print(iter(li) is li, next(li))


class Fib:
    def __init__(self, limit):
        self.a = 0
        self.b = 1
        self.limit = limit

    def __iter__(self):
        return self

    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        r = self.a
        self.a, self.b = self.b, self.a + self.b
        return r


print(list(Fib(100)))
a, b, c = Countdown(3)
print(a, b, c)
first, *rest = Squares(4)
print(first, rest)
