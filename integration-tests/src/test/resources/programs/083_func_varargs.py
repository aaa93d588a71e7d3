# *args in definitions and *iterable in calls


def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s


def head_tail(first, *rest):
    return first, rest


def show(sep, *parts):
    return sep.join(parts)


def count_args(*args):
    return len(args), type(args) == tuple


print(total(), total(1), total(1, 2, 3, 4))
print(head_tail(1), head_tail(1, 2, 3))
print(show("-", "a", "b", "c"), show("+"))
print(count_args(), count_args(None, None))
nums = [5, 6, 7]
print(total(*nums), total(*nums, 100), total(1, *nums), total(*range(5)), total(*"".split()))
print(head_tail(*"xyz"), head_tail(*[1], *[2, 3]))


def three(a, b, c):
    return a * 100 + b * 10 + c


print(three(*[1, 2, 3]), three(1, *(2, 3)), three(*(1, 2), 3))
try:
    three(*[1, 2])
except TypeError:
    print("too few from *args is a TypeError")
print(max(*[4, 9, 2]), min(*"hello"), print(*[1, 2], sep="|"))


def forward(*args):
    return total(*args) * 2


print(forward(1, 2, 3))
