# assignment: simple, chained, augmented on names, attributes and subscripts
a = b = c = 5
print(a, b, c)
a = 1
print(a, b, c)
x = 10
x += 5
print(x)
x -= 3
print(x)
x *= 4
print(x)
x //= 5
print(x)
x %= 5
print(x)
x **= 3
print(x)
x <<= 2
print(x)
x >>= 1
print(x)
x |= 0x100
print(x)
x &= 0x1F0
print(x)
x ^= 0xFF
print(x)
f = 7
f /= 2
print(f)


class Box:
    def __init__(self):
        self.v = 1


box = Box()
box.v += 10
box.v *= 3
print(box.v)
lst = [1, 2, 3]
lst[0] += 100
lst[-1] *= 7
print(lst)
d = {"n": 1}
d["n"] += 41
print(d)
s = "ab"
s += "cd"
s *= 2
print(s)
t = (1, 2)
t += (3,)
print(t)
l2 = lst
l2 += [4]
print(lst, l2 is lst)
a, b = 1, 2
a, b = b, a
print(a, b)
i = 0
arr = [0, 0, 0]
i, arr[i] = 2, 9
print(i, arr)
