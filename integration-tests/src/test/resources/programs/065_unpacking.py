# unpacking: tuples, lists, nested targets, swaps, targets in for loops and from functions
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d) = [3, 4]
[e, f] = (5, 6)
print(c, d, e, f)
g, (h, i) = 7, (8, 9)
print(g, h, i)
(j, k), [l, m] = "ab", [10, 11]
print(j, k, l, m)
x, y, z = "xyz"
print(x, y, z)
p, q = range(2)
print(p, q)
k1, k2 = {"first": 1, "second": 2}
print(k1, k2)


def divmod_pair(n, d):
    return n // d, n % d


quot, rem = divmod_pair(17, 5)
print(quot, rem)
points = [(1, 2), (3, 4), (5, 6)]
for px, py in points:
    print(px + py, end=" ")
print()
for idx, (px, py) in enumerate(points):
    print(idx, px, py)
lst = [0, 0, 0]
lst[0], lst[2] = "L", "R"
print(lst)


class O:
    pass


o = O()
o.u, o.v = 1, 2
print(o.u, o.v)
a = b = (1, 2)
print(a, b)
n1, n2 = n2, n1 = 3, 4
print(n1, n2)
try:
    a, b = [1, 2, 3]
except ValueError:
    print("too many values to unpack")
try:
    a, b, c = [1, 2]
except ValueError:
    print("not enough values to unpack")
m = [[1, 2], [3, 4]]
m[0][0], m[1][1] = m[1][1], m[0][0]
print(m)
fib_a, fib_b = 0, 1
for _ in range(10):
    fib_a, fib_b = fib_b, fib_a + fib_b
print(fib_a)
