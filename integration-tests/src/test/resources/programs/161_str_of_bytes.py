# str(x, encoding, errors): decoding is for bytes-like objects only; every other x, and an
# encoding that is not a str, is a TypeError with CPython's message.
def k(f, *a):
    try:
        return repr(f(*a))
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
print(k(str, 1, 0))
print(k(str, 1, "utf-8"))
print(k(str, "x", "utf-8"))
print(k(str, [1], "ascii"))
print(k(str, b"ab", "ascii"))
print(k(str, b"ab"))
print(k(str, b"\xff", "utf-8", "replace"))
print(k(str, b"\xff", "utf-8", "ignore"))
print(k(str, b"\xc3\xa9t\xc3\xa9", "utf-8"))
print(k(str, bytearray(b"q"), "utf-8"))
print(str(b"a", errors="strict"), str(b"b", encoding="ascii"))
