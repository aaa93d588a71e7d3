# Zerynth's shorts and shortarray: sequences of unsigned 16-bit values (no CPython equivalent;
# the expected output is written by hand)
s = shorts([1, 2, 65535])
print(s, len(s), s[2], s[0:2], list(s))
a = shortarray([10, 20])
a.append(30)
a[0] = 1000
print(a, len(a), a.pop(), a)
print(shorts(3), shortarray(), 2 in s, s == shorts([1, 2, 65535]))
try:
    shortarray([70000])
except ValueError as e:
    print("ValueError:", e)
# expect: shorts([1, 2, 65535]) 3 65535 shorts([1, 2]) [1, 2, 65535]
# expect: shortarray([1000, 20]) 3 30 shortarray([1000, 20])
# expect: shorts([0, 0, 0]) shortarray([]) True True
# expect: ValueError: short must be in range(0, 65536)
