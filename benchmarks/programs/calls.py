"""Function calls (written for zvm): recursion, positional, default and keyword arguments, and
*args.

The recursive Fibonacci number is the call-heavy core (fib(n) makes 2 fib(n + 1) - 1 calls);
a loop of small calls with defaults, keywords and *args follows. Both are checked against
closed-form or iterative figures.
"""
import harness


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def scaled(value, factor=2, offset=0):
    return value * factor + offset


def total(*values):
    s = 0
    for v in values:
        s += v
    return s


def run(n):
    head = fib(n)
    acc = 0
    i = 0
    count = 40 * n * n
    while i < count:
        acc += scaled(i) + scaled(i, 3) + scaled(i, offset=1) + scaled(value=i, factor=1)
        acc -= total(i, i, i)
        i += 1
    return (head, acc)


def check(n, result):
    a = 0
    b = 1
    i = 0
    while i < n:
        t = a + b
        a = b
        b = t
        i += 1
    # Per i: 2i + 3i + (2i + 1) + i - 3i = 5i + 1.
    count = 40 * n * n
    acc = 5 * count * (count - 1) // 2 + count
    if result != (a, acc):
        return "fib/acc %r, expected %r" % (result, (a, acc))
    return None


harness.bench("calls", {"tiny": 5, "small": 20, "default": 30}, run, check)
