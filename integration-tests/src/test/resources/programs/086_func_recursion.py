# recursion: mutual recursion, accumulators, tree recursion, depth of a few hundred frames


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append(src + dst)
    hanoi(n - 1, via, dst, src, moves)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def power_set(items):
    if not items:
        return [[]]
    rest = power_set(items[1:])
    with_first = []
    for r in rest:
        with_first.append([items[0]] + r)
    return rest + with_first


def permutations(items):
    if len(items) <= 1:
        return [items]
    out = []
    for i in range(len(items)):
        for p in permutations(items[:i] + items[i + 1:]):
            out.append([items[i]] + p)
    return out


def gcd(a, b):
    if b == 0:
        return a
    return gcd(b, a % b)


def flatten(x, out):
    if isinstance(x, list):
        for y in x:
            flatten(y, out)
    else:
        out.append(x)
    return out


print(is_even(10), is_odd(7), is_even(301))
moves = []
hanoi(4, "A", "C", "B", moves)
print(len(moves), moves[:5])
print(ackermann(2, 3), ackermann(3, 3))
print(depth(500))
print(power_set([1, 2, 3]))
print(permutations([1, 2, 3]))
print(gcd(1071, 462), gcd(2 ** 40, 6 ** 10))
print(flatten([1, [2, [3, [4]], 5], [[6]]], []))
