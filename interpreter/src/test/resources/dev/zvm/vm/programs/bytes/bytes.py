# bytes and bytearray
b = b"hello"
print(b, b[0], b[-1], b[1:3], len(b), b + b"!", b * 2, b"ell" in b, 104 in b, list(b"ab"))
print(b.upper(), b.find(b"l"), b.index(b"o"), b.count(b"l"), b.startswith(b"he"), b.endswith(b"lo"))
print(b.hex(), b.decode(), bytes(3), bytes([65, 66]), bytes("é", "utf-8"), b"x\x00\xff'\"")
print(b" a b ".strip(), b"a,b".split(b","), b"-".join([b"a", b"b"]), b"aXa".replace(b"X", b"Y"))
ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba[0] = 65
print(ba, len(ba), ba[1], ba.pop(), ba)
ba.insert(0, 33)
ba.remove(98)
print(ba, bytearray(2), bytearray([1, 2]), bytes(ba), ba == b"!Acde", ba[1:3])
ba[1:3] = b"XYZ"
del ba[0]
print(ba, ba.decode())
ba.reverse()
print(ba, ba.copy())
try:
    ba.append(256)
except ValueError as e:
    print("ValueError:", e)
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)

# expect: b'hello' 104 111 b'el' 5 b'hello!' b'hellohello' True True [97, 98]
# expect: b'HELLO' 2 4 2 True True
# expect: 68656c6c6f hello b'\x00\x00\x00' b'AB' b'\xc3\xa9' b'x\x00\xff\'"'
# expect: b'a b' [b'a', b'b'] b'a-b' b'aYa'
# expect: bytearray(b'Abcde') 6 98 102 bytearray(b'Abcde')
# expect: bytearray(b'!Acde') bytearray(b'\x00\x00') bytearray(b'\x01\x02') b'!Acde' True bytearray(b'Ac')
# expect: bytearray(b'XYZde') XYZde
# expect: bytearray(b'edZYX') bytearray(b'edZYX')
# expect: ValueError: byte must be in range(0, 256)
# expect: TypeError: 'bytes' object does not support item assignment
