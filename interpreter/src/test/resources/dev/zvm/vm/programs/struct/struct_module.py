# the struct module in the standard modes (< > ! =), where zvm and CPython agree byte for byte
import struct

print(struct.pack("<hHiIqQ", -2, 65535, -100000, 4000000000, -2 ** 63, 2 ** 63 - 1))
print(struct.pack(">bB?h", -128, 255, 7, 258), struct.pack("!I", 0x01020304), struct.pack("=H", 1))
print(struct.pack("<fd", 1.5, -0.1), struct.pack(">f", 3.14), struct.pack("<d", 1e300))
print(struct.pack("<4s2xc3p", b"ab", b"z", b"hello"), struct.pack("<0s5s", b"x", b"toolongvalue"))
print(struct.unpack("<hHiIqQ", struct.pack("<hHiIqQ", -2, 65535, -100000, 4000000000, -5, 2 ** 62)))
print(struct.unpack(">fd", struct.pack(">fd", 0.1, 0.1)), struct.unpack("<?bB", b"\x02\xff\xff"))
print(struct.unpack("<4s2xc3p", b"abcd\x00\x00z\x05hi"), struct.unpack("<3h", bytearray(b"\x01\x00\x02\x00\x03\x00")))
print(struct.calcsize("<hhl"), struct.calcsize(">q"), struct.calcsize("<2x3s i"), struct.calcsize("!0h"), struct.calcsize(""))
print(struct.unpack_from("<H", b"\x00\x01\x02\x03", 1), struct.unpack_from(">H", b"\x00\x01\x02\x03", offset=2))
buf = bytearray(8)
struct.pack_into("<HI", buf, 1, 0xBEEF, 0xDEADBEEF)
print(buf)
struct.pack_into(">h", buf, -2, -3)
print(buf, struct.unpack_from("<H", buf, -8))
for fmt, args in [("<h", (40000,)), ("<B", (-1,)), ("<b", (128,)), ("<H", (70000,)), ("<i", (2 ** 31,)),
                  ("<I", (-1,)), ("<q", (2 ** 63 - 1,)), ("<h", (1.5,)), ("<d", ("x",)), ("<c", (b"ab",)),
                  ("<s", ("text",)), ("<hh", (1,)), ("<z", (1,)), ("<3", ()), ("<f", (1e300,))]:
    try:
        print(struct.pack(fmt, *args))
    except Exception as err:
        print(type(err).__name__ == "OverflowError" and "OverflowError" or "error", err)
for args in [("<hh", b"abc"), ("<h", "ab")]:
    try:
        print(struct.unpack(*args))
    except Exception as err:
        print("error", err)
try:
    struct.unpack_from("<hh", b"abc", 1)
except Exception as err:
    print("error", err)
try:
    struct.pack_into("<hh", bytearray(3), -9, 1, 2)
except Exception as err:
    print("error", err)

# expect: b'\xfe\xff\xff\xff`y\xfe\xff\x00(k\xee\x00\x00\x00\x00\x00\x00\x00\x80\xff\xff\xff\xff\xff\xff\xff\x7f'
# expect: b'\x80\xff\x01\x01\x02' b'\x01\x02\x03\x04' b'\x01\x00'
# expect: b'\x00\x00\xc0?\x9a\x99\x99\x99\x99\x99\xb9\xbf' b'@H\xf5\xc3' b'\x9cu\x00\x88<\xe47~'
# expect: b'ab\x00\x00\x00\x00z\x02he' b'toolo'
# expect: (-2, 65535, -100000, 4000000000, -5, 4611686018427387904)
# expect: (0.10000000149011612, 0.1) (True, -1, 255)
# expect: (b'abcd', b'z', b'hi') (1, 2, 3)
# expect: 8 8 9 0 0
# expect: (513,) (515,)
# expect: bytearray(b'\x00\xef\xbe\xef\xbe\xad\xde\x00')
# expect: bytearray(b'\x00\xef\xbe\xef\xbe\xad\xff\xfd') (61184,)
# expect: error short format requires -32768 <= number <= 32767
# expect: error ubyte format requires 0 <= number <= 255
# expect: error byte format requires -128 <= number <= 127
# expect: error ushort format requires 0 <= number <= 65535
# expect: error 'i' format requires -2147483648 <= number <= 2147483647
# expect: error argument out of range
# expect: b'\xff\xff\xff\xff\xff\xff\xff\x7f'
# expect: error required argument is not an integer
# expect: error required argument is not a float
# expect: error char format requires a bytes object of length 1
# expect: error argument for 's' must be a bytes object
# expect: error pack expected 2 items for packing (got 1)
# expect: error bad char in struct format
# expect: error repeat count given without format specifier
# expect: OverflowError float too large to pack with f format
# expect: error unpack requires a buffer of 4 bytes
# expect: error a bytes-like object is required, not 'str'
# expect: error unpack_from requires a buffer of at least 5 bytes for unpacking 4 bytes at offset 1 (actual buffer size is 3)
# expect: error offset -9 out of range for 3-byte buffer
