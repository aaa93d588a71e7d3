# constructors and conversions: int (with base), float, str, bool, list, tuple, dict, set, frozenset, chr, ord, hex, bin, oct
print(int(), int(3.9), int(-3.9), int("42"), int(" -7 "), int("ff", 16), int("0x1F", 16), int("0b101", 0), int("0o17", 0), int("z", 36))
print(int("1_000"), int(True), int("10", 2), int(b"12"))
print(float(), float(3), float("2.5"), float(" -1e3 "), float("inf"), float("-inf"), float("nan"))
print(str(), str(12), str(2.5), str([1, "a"]), str(None), str(True), str((1,)), str(b"x"))
print(list("abc"), list((1, 2)), list({"a": 1}), list(range(3)), tuple([1, 2]), tuple("ab"), tuple())
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": "v"}), dict(), dict([("a", 1)], b=2))
print(sorted(set([3, 1, 2, 1])), set(), sorted(frozenset("abca")), frozenset())
print(chr(65), chr(0x263A), ord("a"), ord("€"), hex(255), hex(-42), bin(5), bin(-3), oct(8), oct(-8))
print(type(1), type(1.0), type("s"), type([]), type(()), type({}), type(set()), type(None), type(True))
print(type(1) == int, type("") is str, isinstance(True, int), isinstance(1, (str, int)), issubclass(bool, int))
print(isinstance([], list), isinstance({}, dict), isinstance(1.0, float), isinstance("x", (list, tuple)))
try:
    int("abc")
except ValueError as e:
    print("ValueError:", e)
try:
    float("x1")
except ValueError as e:
    print("ValueError:", e)
try:
    int("12", 1)
except ValueError as e:
    print("ValueError:", e)

# expect: 0 3 -3 42 -7 255 31 5 15 35
# expect: 1000 1 2 12
# expect: 0.0 3.0 2.5 -1000.0 inf -inf nan
# expect:  12 2.5 [1, 'a'] None True (1,) b'x'
# expect: ['a', 'b', 'c'] [1, 2] ['a'] [0, 1, 2] (1, 2) ('a', 'b') ()
# expect: {'a': 1, 'b': 2} {'x': 1, 'y': 2} {'k': 'v'} {} {'a': 1, 'b': 2}
# expect: [1, 2, 3] set() ['a', 'b', 'c'] frozenset()
# expect: A ☺ 97 8364 0xff -0x2a 0b101 -0b11 0o10 -0o10
# expect: <class 'int'> <class 'float'> <class 'str'> <class 'list'> <class 'tuple'> <class 'dict'> <class 'set'> <class 'NoneType'> <class 'bool'>
# expect: True True True True True
# expect: True True True False
# expect: ValueError: invalid literal for int() with base 10: 'abc'
# expect: ValueError: could not convert string to float: 'x1'
# expect: ValueError: int() base must be >= 2 and <= 36, or 0
