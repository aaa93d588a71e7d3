# range: arguments, negative steps, emptiness, len, indexing, membership, reversed
print(list(range(5)), list(range(2, 6)), list(range(0, 10, 3)), list(range(10, 0, -2)), list(range(-3, 3)))
print(list(range(0)), list(range(5, 5)), list(range(5, 0)), list(range(0, 5, -1)), list(range(-1, -5, -1)))
r = range(3, 30, 4)
print(len(r), r[0], r[-1], r[2], 7 in r, 8 in r, 27 in r, 31 in r, r.index(11) if 11 in r else -1)
print(len(range(0)), len(range(10, 0, -3)), len(range(-5, 5, 2)), len(range(0, 1000000, 7)))
print(list(reversed(range(5))), list(reversed(range(1, 10, 4))), sum(range(101)), max(range(7)), min(range(3, 9)))
print(range(5), range(1, 5), range(0, 10, 2), range(5) == range(0, 5), range(0) == range(4, 2))
total = 0
for i in range(1000000, 0, -250000):
    total += i
print(total)
try:
    range(1, 10, 0)
except ValueError:
    print("zero step is a ValueError")
try:
    print(range(3)[3])
except IndexError:
    print("range index out of range")
big = range(0, 2 ** 40, 2 ** 20)
print(len(big), big[-1], 2 ** 39 in big, 2 ** 39 + 1 in big)
