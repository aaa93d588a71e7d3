# non-ASCII text, str.encode / bytes.decode with UTF-8
s = "héllo wörld €"
print(s, len(s), s.upper(), s[1], s[-1], s[::-1])
b = s.encode()
print(b, len(b))
print(s.encode("utf-8") == b, b.decode() == s, b.decode("utf-8"))
print("abc".encode(), "abc".encode("ascii"), b"xyz".decode("ascii"))
print(ord("é"), ord("€"), chr(233), chr(8364), chr(0x1F600) == "\U0001F600", len(chr(0x1F600)))
print("€".encode(), "\U0001F600".encode(), len("\U0001F600".encode()))
print("naïve café".find("café"), "naïve café".split(" "), "ü" in "Müller", "Müller".replace("ü", "ue"))
print(repr("é€"), str("é€"), ["ß", "ø"])
print(sorted(["b", "é", "a", "z"]), "é" > "z", "a" < "é")
data = bytes([0xE2, 0x82, 0xAC])
print(data.decode("utf-8"), data.decode() == "€")
try:
    b"\xff\xfe".decode("utf-8")
except UnicodeError:
    print("invalid utf-8 raises UnicodeError")
try:
    "é".encode("ascii")
except UnicodeError:
    print("non-ascii encode raises UnicodeError")
print(bytearray("añb".encode()), list("añb".encode()))
print("%s=%d" % ("ñ", 1), "{}|{:>3}|".format("ç", "ç"))
