# slicing: lists, tuples, strings, ranges, slice objects, slice assignment and deletion
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[::3], a[1::2], a[::-1], a[8:2:-2], a[-1:-4:-1])
print(a[5:5], a[5:2], a[-100:100], a[100:], a[::-3], a[2:-2:2], a[:], a[:] is a)
t = tuple(a)
print(t[2:5], t[::-2], t[-2:], type(t[1:3]) == tuple)
s = "abcdefghij"
print(s[2:5], s[::-2], s[-4:-1], s[::4])
r = range(0, 20, 2)
print(list(r[2:5]), list(r[::-1]), r[3], list(r[1:-1:3]))
sl = slice(1, 8, 3)
print(a[sl], s[sl], sl.start, sl.stop, sl.step)
print(a[slice(3)], a[slice(None, None, -1)], slice(2, 4).step)
b = list(range(8))
b[2:4] = ["x", "y", "z"]
print(b)
b[:2] = []
print(b)
b[len(b):] = [100, 200]
print(b)
b[::2] = [0, 0, 0, 0, 0]
print(b)
b[1:1] = ["inserted"]
print(b)
del b[::3]
print(b)
del b[1:3]
print(b)
del b[:]
print(b)
c = list(range(6))
c[-2:] = "AB"
print(c)
try:
    c[::2] = [1]
except ValueError:
    print("extended slice assignment needs the same length")
n = [1, 2, 3, 4, 5]
n[1:4] = n[1:4][::-1]
print(n)
