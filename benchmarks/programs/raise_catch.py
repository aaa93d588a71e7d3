"""Exceptions raised and caught in a loop (written for zvm).

Builtin exceptions with messages, a small user-defined hierarchy, raises a few calls deep,
handlers chosen by class and by a parent class, else and finally blocks, re-raising, and
exceptions raised by the runtime itself (KeyError, IndexError, ZeroDivisionError). Each kind
happens on a fixed schedule of the loop counter, so every counter is checked in closed form.
"""
import harness


class BenchError(Exception):
    pass


class SmallError(BenchError):
    pass


class LargeError(BenchError):
    pass


def classify(i):
    if i % 3 == 0:
        raise SmallError("small %d" % i)
    if i % 3 == 1:
        raise LargeError("large")
    return i


def deeper(i, depth):
    if depth == 0:
        return classify(i)
    return deeper(i, depth - 1)


def lookup(table, i):
    try:
        return table[i % 5]
    except KeyError:
        return -1


def rethrow(i):
    try:
        if i % 4 == 0:
            raise ValueError("bad value")
    except ValueError:
        raise
    return 0


def run(n):
    counts = [0] * 8
    table = {0: 10, 2: 20, 4: 40}
    items = [1, 2, 3]
    i = 0
    while i < n:
        try:
            deeper(i, 3)
        except SmallError:
            counts[0] += 1
        except BenchError:
            counts[1] += 1
        else:
            counts[2] += 1
        finally:
            counts[3] += 1
        if lookup(table, i) < 0:
            counts[4] += 1
        try:
            rethrow(i)
        except ValueError:
            counts[5] += 1
        try:
            counts[6] += items[i % 4] // (i % 6)
        except ZeroDivisionError:
            counts[7] += 1
        except IndexError:
            counts[7] += 100
        i += 1
    return counts


def multiples(n, k):
    """How many of 0 .. n-1 are multiples of k."""
    return (n + k - 1) // k


def check(n, counts):
    small = multiples(n, 3)
    large = n // 3
    if n % 3 == 2:
        large += 1
    missing = 0
    divided = 0
    zero = 0
    out_of_range = 0
    i = 0
    while i < n:
        if i % 5 == 1 or i % 5 == 3:
            missing += 1
        if i % 6 == 0:
            zero += 1
        elif i % 4 == 3:
            out_of_range += 1
        else:
            divided += [1, 2, 3][i % 4] // (i % 6)
        i += 1
    expected = [small, large, n - small - large, n, missing, multiples(n, 4), divided,
                zero + 100 * out_of_range]
    if counts != expected:
        return "counts %r, expected %r" % (counts, expected)
    return None


harness.bench("raise_catch", {"tiny": 100, "small": 10000, "default": 300000}, run, check)
