# numeric builtins: min, max, sum, abs, all, any, divmod, round, pow


def neg(x):
    return -x


print(min(3, 1, 2), max(3, 1, 2), min([5, 4]), max((5, 4)), min("hello"), max("hello"))
print(min([3, 1, 2], key=neg), max(["a", "bbb", "cc"], key=len), min([], default="empty"), max([], default=None))
print(min([1, 1.0]), max([2, 2.0]), min(-0.0, 0.0), max([[1, 2], [1, 3]]), min((2, "a"), (1, "b")))
try:
    min([])
except ValueError:
    print("min of empty raises ValueError")
print(sum([1, 2, 3]), sum([]), sum(range(10), 100), sum([0.5, 0.25]), sum([1, 2.5]), sum([[1], [2]], []))
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(True), abs(-1073741824), abs(-9223372036854775807))
print(all([]), all([1, 2]), all([1, 0]), all("abc"), any([]), any([0, 0, 1]), any([0, ""]), any([x > 2 for x in [1, 3]]))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(-17.5, 5), divmod(0, 3))
print(round(2.567, 2), round(2.5), round(3.5), round(-1.5), round(123, -1), round(0.1 + 0.2, 1))
print(pow(2, 8), pow(2, -2), pow(2.0, 3), pow(3, 3, 5), pow(-2, 3), pow(10, 18), pow(7, 2, 1))
