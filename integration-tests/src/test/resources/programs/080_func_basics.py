# functions: definition, return values, implicit None, functions as values, recursion


def add(a, b):
    return a + b


def no_return(x):
    x.append(1)


def early(n):
    if n < 0:
        return "negative"
    return


def min_max(seq):
    lo = hi = seq[0]
    for v in seq:
        if v < lo:
            lo = v
        if v > hi:
            hi = v
    return lo, hi


def apply(f, x):
    return f(x)


def double(x):
    return 2 * x


def compose_apply(fs, x):
    for f in fs:
        x = f(x)
    return x


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(add(2, 3), add("a", "b"), add([1], [2]), add(1.5, 1))
lst = []
print(no_return(lst), lst)
print(early(-1), early(1))
print(min_max([3, -1, 7, 2]))
lo, hi = min_max("hello")
print(lo, hi)
print(apply(double, 21), apply(len, "four"), apply(str, 3))
print(compose_apply([double, double, str, len], 25))
f = add
print(f(10, 20), f is add, f == add)
table = {"double": double, "fact": fact}
print(table["double"](4), table["fact"](5))
print([fact(i) for i in range(8)])
print(fib(20))


def swap_list(l):
    l[0], l[-1] = l[-1], l[0]


def rebind(l):
    l = [99]
    return l


data = [1, 2, 3]
swap_list(data)
print(data, rebind(data), data)


def doc_only():
    """A docstring is not a statement with output."""


print(doc_only())
