# large results up to 64 bits (every intermediate fits in a signed 64-bit int)
max64 = 9223372036854775807
min64 = -9223372036854775807 - 1
print(max64, min64)
print(2 ** 62, 2 ** 62 - 1 + 2 ** 62, -(2 ** 62) - 2 ** 62)
print((-2) ** 63, (-2) ** 63 == min64)
print(max64 // 2, max64 % 10, max64 // 10, min64 // 10, min64 % 10)
print(max64 - 1, min64 + 1, max64 + min64)
print(3037000499 * 3037000499)
print(4294967295 * 2147483647)
print(4294967296 * 2147483647)
print(-4294967296 * 2147483648)


def fact(n):
    r = 1
    i = 2
    while i <= n:
        r *= i
        i += 1
    return r


for n in [10, 12, 13, 15, 19, 20]:
    print(n, fact(n))
fibs = [0, 1]
while len(fibs) < 93:
    fibs.append(fibs[-1] + fibs[-2])
print(fibs[50], fibs[70], fibs[90], fibs[92])
print(fibs[92] > fibs[91] > 2 ** 62)
print(1 << 62, (1 << 62) >> 61, (1 << 62) | 1, max64 >> 62, min64 >> 63, min64 >> 62)
print(max64 & 0xFFFFFFFF, max64 ^ (max64 >> 1), ~max64 == min64)
print(hex(max64), hex(min64), bin(max64 >> 40), hex(2 ** 48 + 0xABC))
print(int("7fffffffffffffff", 16), int("-9223372036854775808"), int("1" * 18))
print(str(123456789012345678), repr(-987654321098765432))
print(10 ** 18, 10 ** 18 * 9, -(10 ** 18) * 9)
print(12345678901 * 123456, 12345678901 // 123456, 12345678901 % 123456)
print(max64 // -1, min64 // 3, min64 % 3, divmod(min64, 7))
print(1000000007 * 1000000007 % 998244353)
print(2 ** 40 == 1099511627776, 2 ** 40 < 2 ** 41, 2 ** 50 - 2 ** 49 == 2 ** 49)
print(float(2 ** 53), float(max64), int(1e18), int(-1e18), int(9.2e18))
total = 0
for i in range(1, 1001):
    total += i * 9000000000000
print(total)
