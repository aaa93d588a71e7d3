# struct's native mode (@, the default) is the 32-bit little-endian MCU: l, L, n, N, P are 4 bytes
# and every number is aligned to its size (CPython on a 64-bit machine differs here)
import struct

print(struct.calcsize("ci"), struct.calcsize("ic"), struct.calcsize("llh0l"), struct.calcsize("hq"), struct.calcsize("l"), struct.calcsize("@P"))
print(struct.pack("ci", b"*", 0x12131415), struct.pack("llh0l", 1, 2, 3))
print(struct.unpack("hi", b"\x01\x00\xff\xff\x02\x00\x00\x00"), struct.pack("@nN", -1, 1))
try:
    struct.pack("<n", 1)
except struct.StructError as err:
    print("StructError", err)

# expect: 8 5 12 16 4 4
# expect: b'*\x00\x00\x00\x15\x14\x13\x12' b'\x01\x00\x00\x00\x02\x00\x00\x00\x03\x00\x00\x00'
# expect: (1, 2) b'\xff\xff\xff\xff\x01\x00\x00\x00'
# expect: StructError bad char in struct format
