# int(): from strings with bases, from floats, from bools; str/repr/hex/bin of ints
print(int("42"), int("-42"), int("+42"), int("  17  "), int("0"), int("-0"))
print(int("ff", 16), int("FF", 16), int("-ff", 16), int("777", 8), int("1010", 2))
print(int("z", 36), int("Zz", 36), int("10", 3), int("0x1f", 16), int("0b101", 2), int("0o17", 8))
print(int("0x1f", 0), int("0b101", 0), int("0o17", 0), int("123", 0), int("1_000", 0))
print(int("1_000_000"), int(" \t99\n"))
print(int(3.9), int(-3.9), int(0.5), int(-0.5), int(1e10), int(2.0 ** 40))
print(int(True), int(False), int(), int(7))
print(str(0), str(-15), repr(15), str(10 ** 12))
print(hex(0), hex(1), hex(255), hex(-255), hex(4096), hex(65535))
print(bin(0), bin(1), bin(10), bin(-10), bin(255))
for s in ["12", "1.5", "abc", "", "0x10", "12a"]:
    try:
        print(s, "->", int(s))
    except ValueError:
        print(s, "-> ValueError")
try:
    int("9", 8)
except ValueError:
    print("base 8 rejects 9")
print(float(5), float(-3), int("-7") * 2)
print(isinstance(int("5"), int), int("5") == 5)
