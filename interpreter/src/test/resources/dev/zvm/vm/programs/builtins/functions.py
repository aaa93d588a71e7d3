# builtin functions: len, abs, all, any, divmod, round, pow, min, max, sum, hash, id, callable
print(len("hello"), len([1, 2, 3]), len((1,)), len({"a": 1, "b": 2}), len({1, 2}), len(range(3, 10, 2)), len(b"ab"))
print(abs(-5), abs(3), abs(-2.5), abs(0), abs(-0.0), abs(True))
print(all([]), all([1, 2]), all([1, 0]), any([]), any([0, 0, 3]), any([False]))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(7.5, 2), divmod(-7.5, 2))
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234, -2), round(1250, -2), round(0.5), round(1.5))
print(round(3.14159, 3), round(-0.4), round(7), round(2.5, 0), round(123.456, -1))
print(pow(2, 10), pow(2, -2), pow(3, 4, 5), pow(-2, 3), pow(2.0, 3), pow(10, 0))
print(min(3, 1, 2), max(3, 1, 2), min([5, 4, 6]), max("abc"), min([], default=7), max([1, 3, 2], key=None))
print(min(["bb", "a", "ccc"], key=len), max(["bb", "a", "ccc"], key=len), min((2, "b"), (1, "z")))
print(sum([1, 2, 3]), sum([1.5, 2.5]), sum([], 10), sum(range(101)), sum([[1], [2]], []))
print(hash(1) == hash(1.0), hash(True) == hash(1), hash("a") == hash("a"), hash((1, 2)) == hash((1, 2)))
print(hash(0), hash(-1), hash(12345), hash(2.0), hash(-2))
print(id(None) == id(None), callable(print), callable(len), callable(3), callable(int))
print(repr("x"), repr(1.0), ascii("é"), format(3.14159, ".2f"), format(42, "05d"), format("ab", ">4"))
print(bool(0), bool(""), bool([]), bool([0]), bool(None), bool(0.0), bool("0"))

# expect: 5 3 1 2 2 4 2
# expect: 5 3 2.5 0 0.0 1
# expect: True True False False True False
# expect: (3, 1) (-4, 1) (-4, -1) (3.0, 1.5) (-4.0, 0.5)
# expect: 2 4 -2 2.67 1200 1200 0 2
# expect: 3.142 0 7 2.0 120.0
# expect: 1024 0.25 1 -8 8.0 1
# expect: 1 3 4 c 7 3
# expect: a ccc (1, 'z')
# expect: 6 4.0 10 5050 [1, 2]
# expect: True True True True
# expect: 0 -2 12345 2 -2
# expect: True True True False True
# expect: 'x' 1.0 '\xe9' 3.14 00042   ab
# expect: False False False True False False True
