# bytearray: a mutable bytes
ba = bytearray(b"hello")
print(ba, len(ba), ba[0], ba[1:3])
ba[0] = 72
print(ba)
ba.append(33)
print(ba)
ba.extend(b" ok")
print(ba)
ba.extend([65, 66])
print(ba)
ba[1:5] = b"ELLO"
print(ba)
del ba[0]
print(ba)
del ba[-2:]
print(ba)
ba.insert(0, 104)
print(ba, ba.pop(), ba)
ba.reverse()
print(ba)
print(bytearray(4), bytearray([1, 2, 255]), bytearray(), bytearray(range(3)))
x = bytearray(b"abc")
x += b"def"
print(x, x == b"abcdef", bytes(x), x.decode(), x[-1], x.find(b"cd"), x.count(b"a"))
print(b"ab" + bytearray(b"cd"), bytearray(b"ab") + b"cd", list(bytearray(b"\x01\x02")))
y = bytearray(3)
for i in range(3):
    y[i] = i * 100
print(y, 200 in y)
try:
    y[0] = 300
except ValueError:
    print("bytearray value out of range")
try:
    y[5] = 1
except IndexError:
    print("bytearray index out of range")
y.remove(100)
print(y, y.index(200))
