# integer-heavy algorithms with 32-bit masking: FNV-1a, a linear congruential generator, CRC-32, xorshift
MASK32 = 0xFFFFFFFF


def fnv1a(data):
    h = 0x811C9DC5
    for b in data:
        h ^= b
        h = (h * 0x01000193) & MASK32
    return h


def crc32(data):
    crc = MASK32
    for b in data:
        crc ^= b
        for _ in range(8):
            if crc & 1:
                crc = (crc >> 1) ^ 0xEDB88320
            else:
                crc >>= 1
    return crc ^ MASK32


def xorshift32(state):
    state ^= (state << 13) & MASK32
    state ^= state >> 17
    state ^= (state << 5) & MASK32
    return state & MASK32


def lcg(seed, n):
    out = []
    for _ in range(n):
        seed = (seed * 1664525 + 1013904223) & MASK32
        out.append(seed)
    return out


for s in [b"", b"a", b"hello", b"The quick brown fox jumps over the lazy dog"]:
    print(s, hex(fnv1a(s)), hex(crc32(s)))
st = 2463534242
vals = []
for _ in range(5):
    st = xorshift32(st)
    vals.append(st)
print(vals)
print(lcg(1, 5))
print(fnv1a("héllo".encode()), crc32(bytearray(b"123456789")) == 0xCBF43926)
acc = 0
for i in range(1, 2001):
    acc = (acc * 31 + i * i) % 1000000007
print(acc)
h64 = 1469598103934665603
for b in b"64-bit":
    h64 ^= b
    h64 = ((h64 & 0xFFFFFFFF) * 16777619 + (h64 >> 32)) & 0x7FFFFFFFFFFFFFFF
print(h64)
