# floats print as CPython's repr: shortest round-trip, 1e+16 style past 16 digits
print(0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1.0, -1.5, 100.0, 1e16, 1e15, 1e-5, 1e-4, 123456789.123)
print(1e22, 1e23, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308, 12345678901234567890.0)
print(float("inf"), float("-inf"), float("nan"), -0.0, 0.0, 3.0 * 1e-10, 1 / 7)
print(0.5 + 0.25, 2.5 * 4, 7.0 // 2, -7.0 // 2, 7.0 % 3, -7.0 % 3, 7.5 % -2, 2.0 ** 10)
print(round(0.125, 2), round(0.375, 2), round(2.675, 2), round(-1.5), round(1e15), 0.1 * 3, 1.1 * 1.1)
print(str(1.5), repr(2.0), float(10 ** 15), float(2 ** 53), float(2 ** 53 + 1), 4.35 * 100)
print(1.5.is_integer(), 2.0.is_integer(), (0.1).real, int(2.9999), int(-0.5))
print(hash(1.5), hash(0.1), hash(-2.5), hash(1e300), hash(float("inf")))
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    5 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

# expect: 0.1 0.2 0.30000000000000004 0.3333333333333333 0.6666666666666666 1.0 -1.5 100.0 1e+16 1000000000000000.0 1e-05 0.0001 123456789.123
# expect: 1e+22 1e+23 1.7976931348623157e+308 5e-324 2.2250738585072014e-308 1.2345678901234567e+19
# expect: inf -inf nan -0.0 0.0 3e-10 0.14285714285714285
# expect: 0.75 10.0 3.0 -4.0 1.0 2.0 -0.5 1024.0
# expect: 0.12 0.38 2.67 -2 1000000000000000 0.30000000000000004 1.2100000000000002
# expect: 1.5 2.0 1000000000000000.0 9007199254740992.0 9007199254740992.0 434.99999999999994
# expect: False True 0.1 2 0
# expect: 1152921504606846977 230584300921369408 -1152921504606846978 1224995262755759164 314159
# expect: ZeroDivisionError: float division by zero
# expect: ZeroDivisionError: integer division or modulo by zero
# expect: ZeroDivisionError: integer modulo by zero
