# round(): ties to even, ndigits positive and negative, ints and floats
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 2.4999, 2.5001, 0.0, 7.0, -7.7, 1e15 + 0.5]:
    print(v, round(v), type(round(v)) == int)
for v in [3.14159, 2.675, 1.005, 0.125, 0.375, -1.25, 12345.6789, 1e-7]:
    print(v, round(v, 0), round(v, 1), round(v, 2), round(v, 3))
print(round(1234.5678, -1), round(1234.5678, -2), round(1250.0, -2), round(1350.0, -2))
print(round(15, -1), round(25, -1), round(35, -1), round(-25, -1), round(12345, -2), round(7, 0), round(7, 2))
print(round(1073741824.5), round(-1073741824.5), round(2 ** 40 + 0.5))
print(round(2.5, None), round(5), round(-5), round(True))
