# literals: every int/float/string/bytes form the lexer has to handle
print(0, 7, 1234567)
print(0x1F, 0XfF, 0o17, 0O7, 0b1011, 0B11)
print(1_000_000, 0x_ff_ff, 0b_1010_1010)
print(1.0, .5, 5., 1e3, 1E-2, 2.5e+2, 1_0.2_5)
print('single', "double")
print('it\'s', "say \"hi\"")
print("""triple
double""")
print('''triple
single''')
print("esc: \\ \' \" \a\b\f\v|".replace("\a", "A").replace("\b", "B").replace("\f", "F").replace("\v", "V"))
print("oct \101\102 hex \x43\x44 uni \u0045\U00000046")
print(r"raw \n \t \\ stays")
print(R"RAW \d")
print("adjacent " "strings " 'joined')
print(b"bytes", b'\x00\x01', rb"\n", br"\t")
x = 1 + \
    2 + \
    3
print(x)
y = (1 +
     2 +
     3)
print(y)
z = [1,
     2,
     3,]
print(z)
a = 1; b = 2; c = a + b
print(a, b, c)  # a trailing comment
# a comment line
print(True, False, None)
print(-5, - 5, -(-5), +5, +(-5))
print(len(""), len(''), len(""""""))
