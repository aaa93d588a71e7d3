# Float powers where C99 (and so CPython) and Java differ: 1 ** nan and (-1) ** inf are 1.0, in
# the interpreter and in compiled loops; and an int out of a byte's range looked for in bytes.
inf = float('inf')
nan = float('nan')
for x in (1, -1, 1.0, -1.0, 2.0, 0.5, -2.0):
    for y in (inf, -inf, nan, 0.0, 2.0):
        try:
            print(x, y, x ** y, pow(x, y))
        except Exception as e:
            print(x, y, type(e).__name__)
def loop():
    acc = []
    i = 0
    x = 1.0
    while i < 5:
        acc.append(x ** inf)
        acc.append((-x) ** -inf)
        acc.append(x ** nan)
        i += 1
    return acc
print(loop())
def k2(f):
    try:
        return f()
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)
def in_a():
    return -1 in b'xy'
def in_b():
    return 256 in bytearray(b'q')
def in_c():
    return 120 in b'xy'
def in_d():
    return True in b'\x01'
print(k2(in_a), k2(in_b), k2(in_c), k2(in_d))
