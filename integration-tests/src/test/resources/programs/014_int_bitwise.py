# bitwise operators, including negative operands and shifts
vals = [0, 1, 5, 12, 255, -1, -5, -256, 1023]
for v in vals:
    print(v, v & 0xF, v | 0x30, v ^ 0x55, ~v, v << 3, v >> 2)
print(12 & 10, 12 | 10, 12 ^ 10)
print(-12 & 10, -12 | 10, -12 ^ 10, -12 & -10, -12 | -10, -12 ^ -10)
print(1 << 0, 1 << 10, 1 << 20, 1 << 40, 3 << 60)
print(1024 >> 10, 1024 >> 11, -1024 >> 3, -1 >> 100, 7 >> 100, -7 >> 1)
mask = (1 << 32) - 1
x = 0xDEADBEEF
print(hex(x & mask), hex((x << 4) & mask), hex(x >> 16), hex(~x & mask))
flags = 0
for bit in [0, 3, 5, 31]:
    flags |= 1 << bit
print(flags, bin(flags))
count = 0
n = flags
while n:
    count += n & 1
    n >>= 1
print(count)
print(0b1010 & 0b0110, 0o777 ^ 0o123, 0xff00 | 0x00ff)
print(True & False, True | False, True ^ True, 6 & True)
