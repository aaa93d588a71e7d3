# float arithmetic, mixed int/float, floor division and modulo with negatives
print(1.5 + 2, 3 - 0.5, 2 * 2.5, 7.0 / 2, 7.5 // 2, 7.5 % 2, 2 ** 0.5 * 2 ** 0.5)
for a, b in [(7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (-7.5, -2.0), (1.0, 0.3), (-1.0, 0.3), (5.0, 5.0), (-0.5, 1.0)]:
    print(a, b, a // b, a % b, divmod(a, b))
print(7 // 2.0, -7 // 2.0, 7 % 2.5, -7 % 2.5, 1e10 // 3)
print(3.0 == 3, 3.5 > 3, 2 < 2.5 < 3, 0.1 + 0.2 == 0.3, 0.5 + 0.25 == 0.75)
print(int(2.999), int(-2.999), int(1e15 + 0.5), float(2 ** 31), float(-2 ** 62))
print(abs(-2.5), abs(2.5), -(2.5), +(2.5), abs(-0.0))
print(10 / 4 * 4, 1 / 8, 1 / 1024, 3 / 7 * 7)
x = 0.0
for i in range(10):
    x += 0.1
print(x, x == 1.0, round(x, 10) == 1.0)
s = 1.0
for i in range(60):
    s /= 2
print(s)
s = 1.0
for i in range(100):
    s *= 10
print(s)
print(pow(2.0, 3), pow(2, 0.5), pow(4.0, -0.5), 9 ** 0.5, (-8.0) ** 3)
print(min(1.5, 2, -3.25), max(1.5, 2, -3.25), sum([0.5, 0.25, 0.125]))
print(sum([0.1] * 10), 1.0 * 3, 2.0 * 0, 0.0 * -1)
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
try:
    print(1.0 / 0)
except ZeroDivisionError:
    print("float division by zero")
try:
    print(1.0 // 0.0)
except ZeroDivisionError:
    print("float floor division by zero")
try:
    print(5.0 % 0)
except ZeroDivisionError:
    print("float modulo by zero")
