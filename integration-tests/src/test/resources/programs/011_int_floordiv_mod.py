# floor division and modulo with every sign combination, divmod
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (6, 3), (-6, 3), (0, 5), (0, -5),
         (1, 7), (-1, 7), (1, -7), (-1, -7), (13, 13), (-13, 13), (100, 7), (-100, 7)]
for a, b in pairs:
    q = a // b
    r = a % b
    print(a, b, q, r, divmod(a, b), q * b + r == a)
big = 1073741824 * 3
print(big // 7, big % 7, -big // 7, -big % 7, big // -7, big % -7)
print(divmod(-9223372036854775807, 10))
print(divmod(9223372036854775807, -3))
print(-1 // 1073741824, -1 % 1073741824)
print(-2147483648 // 2, -2147483648 % 3)
