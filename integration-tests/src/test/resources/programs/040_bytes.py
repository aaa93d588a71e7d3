# bytes: construction, repr, indexing (ints), slicing, operators, methods
b = b"hello"
print(b, len(b), b[0], b[-1], b[1:3], b[::-1], b[10:])
print(bytes(3), bytes([65, 66, 67]), bytes((0, 255)), bytes(b"copy"), bytes(range(5)), bytes())
print(b"\x00\x7f\x80\xff\n\t\r\\'", b'"', b"'", b"a'b\"c")
print(b + b" world", b * 2, b"ab" in b"cabd", 104 in b, 120 in b, b == b"hello", b != b"x")
print(b < b"help", b"" < b"a", list(b), tuple(b"ab"), sorted(b"cab"))
print(b.find(b"l"), b.find(b"z"), b.count(b"l"), b.startswith(b"he"), b.endswith(b"lo"), b.index(b"o"))
print(b.replace(b"l", b"L"), b.upper(), b"A-b-C".lower(), b.split(b"l"), b"a b  c".split(), b"-".join([b"x", b"y"]))
print(b"  pad ".strip(), b"xxhixx".strip(b"x"), b.decode(), str(b"x"), repr(b"y"))
total = 0
for byte in b:
    total += byte
print(total, sum(b), max(b), min(b))
try:
    b[0] = 72
except TypeError:
    print("bytes are immutable")
try:
    bytes([256])
except ValueError:
    print("byte out of range is a ValueError")
print(isinstance(b, bytes), bytes([104, 105]).decode() + "!", len(b"\x00" * 4))
print(hash(b"abc") == hash(b"abc"), {b"k": 1}[b"k"])
