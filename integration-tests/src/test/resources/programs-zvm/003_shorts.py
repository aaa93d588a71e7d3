# Zerynth-only: shorts (immutable array of unsigned 16-bit ints) and shortarray (mutable).
# CPython has neither, so 003_shorts.exp is written by hand. Only element values, lengths and
# errors are printed, never the containers' own repr (DESIGN.md does not fix it).
s = shorts([1, 2, 65535, 0])
print(len(s), s[0], s[2], s[-1], sum(s), max(s))
total = 0
for v in s:
    total += v
print(total, 65535 in s, 7 in s)
try:
    s[0] = 5
except TypeError:
    print("shorts are immutable")
a = shortarray([10, 20, 30])
a[1] = 40000
print(len(a), a[0], a[1], a[2], list(a))
z = shortarray(4)
print(len(z), list(z))
try:
    a[0] = 65536
except ValueError:
    print("a value above 65535 is a ValueError")
print(list(shorts([7, 8])), list(shortarray(shorts([3, 4]))))
