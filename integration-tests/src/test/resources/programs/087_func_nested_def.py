# a def nested in a def that uses only its own parameters and module globals (no closure)
SCALE = 3


def outer(values):
    def helper(v, factor):
        return v * factor + SCALE

    result = []
    for v in values:
        result.append(helper(v, 2))
    return result


def make_pair():
    def first(p):
        return p[0]

    def second(p):
        return p[1]

    return first, second


def pick(pairs):
    def key(p):
        return p[1]

    return sorted(pairs, key=key)


print(outer([1, 2, 3]))
f, s = make_pair()
print(f((7, 8)), s((7, 8)))
print(pick([("a", 3), ("b", 1), ("c", 2)]))
