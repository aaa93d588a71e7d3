# int arithmetic: operators, precedence, true division gives float, pow
print(7 + 3, 7 - 3, 7 * 3, 7 / 2, 7 // 2, 7 % 3, 7 ** 2)
print(6 / 3, 1 / 4, 10 / 4, 0 / 5)
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(-2 ** 2, (-2) ** 2, -2 ** -1)
print(2 ** 0, 0 ** 0, 5 ** 1, 2 ** 10, 10 ** 9)
print(2 ** -2, 10 ** -1)
print(-7, +7, -(-7), +(-7), --7, -+-7)
print(~0, ~5, ~-1, ~~9)
print(pow(2, 10), pow(3, 4, 5), pow(7, 0, 13), pow(2, 62, 1000000007))
print(pow(-3, 3), pow(2, -1))
print(100 - 1 - 1, 100 // 10 // 3, 2 * 3 % 4, 1 + 2 - 3 + 4)
print(17 % 5 * 2, 17 // 5 * 5 + 17 % 5)
n = 0
for i in range(1, 101):
    n = n + i * i
print(n)
acc = 1
for i in range(1, 11):
    acc *= i
print(acc)
print(True + True, True * 10, False - 1, 3 * False)
print(abs(-12), abs(0), abs(12))
print(1 == 1, 1 != 2, 3 < 2, 3 <= 3, 4 > 1, 4 >= 5)
print(max(3, 9, 2), min(3, 9, 2))
