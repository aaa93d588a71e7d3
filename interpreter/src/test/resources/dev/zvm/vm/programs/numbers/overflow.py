# past 64 bits: OverflowError until the language level brings big ints
x = 2 ** 62
print(x)
y = x * 4
# expect: 4611686018427387904
# expect-exception: OverflowError: integer overflow: the result does not fit in 64 bits
# expect-traceback: line 4, in <module>
