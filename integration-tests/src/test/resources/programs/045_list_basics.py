# list: literals, indexing, nesting, operators, comparison, identity vs equality
a = [1, 2, 3]
b = [4, 5]
print(a + b, a * 2, 2 * b, [] * 5, [0] * 3, len(a), len([]), a[0], a[-1])
print(3 in a, 7 in a, 7 not in a, [1, 2] in [[1, 2], [3]])
print([1, 2] == [1, 2], [1, 2] != [2, 1], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 99], [] < [0])
c = a
c.append(4)
print(a, c is a, a == [1, 2, 3, 4], a is [1, 2, 3, 4])
d = list(a)
d.append(5)
print(a, d, d is a)
m = [[0] * 3 for i in range(3)]
m[1][2] = 7
print(m)
alias = [[0] * 2] * 2
alias[0][0] = 1
print(alias)
mixed = [1, "two", 3.0, None, True, [5], (6,), {"seven": 7}]
print(mixed, len(mixed))
e = []
for i in range(5):
    e.append(i * i)
print(e, e[2:], e[::-1], sum(e), max(e), min(e))
e[1] = "one"
e[-1] = "last"
print(e)
try:
    e[10] = 0
except IndexError:
    print("assignment index out of range")
try:
    print([][0])
except IndexError:
    print("empty list index")
print(list(), list("abc"), list(range(3)), list((1, 2)), list({"k": 1, "j": 2}))
nested = [1, [2, [3, [4, []]]]]
print(nested, nested[1][1][1][0])
print([x for x in [3, 1, 2]] == [3, 1, 2], [None] * 2)
