# ord, chr, hex, bin
print([ord(c) for c in "AZaz09 ~"])
print("".join([chr(c) for c in range(65, 75)]), chr(0x41), chr(126), repr(chr(10)), repr(chr(0)), chr(233), chr(0x20AC))
print(ord("é"), ord("€"), ord(chr(1000)) == 1000)
for n in [0, 1, 15, 16, 255, 256, 4095, -1, -16, 1073741823, 1073741824, 2 ** 40, -(2 ** 40)]:
    print(n, hex(n), bin(n))
print(int(hex(48879), 16), int(bin(-5), 2), hex(ord("A")), chr(int("61", 16)))
try:
    ord("ab")
except TypeError:
    print("ord of a 2-char string is a TypeError")
caesar = "".join([chr((ord(c) - 97 + 3) % 26 + 97) for c in "xyzabc"])
print(caesar)
