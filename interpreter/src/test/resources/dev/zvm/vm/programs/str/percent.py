# % formatting: flags, width, precision, *, %(key)s
print("%d %i %s %r %%" % (42, -7, "txt", "txt"))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%x %X %o %#x %#o %#X" % (255, 255, 8, 255, 8, 255))
print("%.2f %8.3f %-8.1f| %e %.3E %g %G" % (3.14159, 2.5, 1.25, 12345.678, 0.000123, 0.00001, 1e20))
print("%10s|%-10s|%.2s" % ("right", "left", "truncate"))
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("%c%c" % (72, "i"), "%s" % [1, 2], "%s" % (("tup",),), "%d%%" % 50)
print("%.0f %.1f %.2f %.3f" % (0.5, 0.25, 2.675, 1.0005))
print("%g %g %g %g %g" % (100000, 1000000, 0.0001, 0.00001, 123.456))
print("%5.1f%%" % 99.44, "%03d" % -5, "%+.2e" % 1234.5)
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "%d %d" % (1,)
except TypeError as e:
    print("TypeError:", e)
try:
    "%d" % (1, 2)
except TypeError as e:
    print("TypeError:", e)

# expect: 42 -7 txt 'txt' %
# expect:    42|42   |00042|+42| 42
# expect: ff FF 10 0xff 0o10 0XFF
# expect: 3.14    2.500 1.2     | 1.234568e+04 1.230E-04 1e-05 1E+20
# expect:      right|left      |tr
# expect:     1|2   |3.14
# expect: Ann is 30
# expect: Hi [1, 2] ('tup',) 50%
# expect: 0 0.2 2.67 1.000
# expect: 100000 1e+06 0.0001 1e-05 123.456
# expect:  99.4% -05 +1.23e+03
# expect: TypeError: %d format: a real number is required, not str
# expect: TypeError: not enough arguments for format string
# expect: TypeError: not all arguments converted during string formatting
