# the math module against CPython 3.11: values, ints from floor/ceil/trunc, and the errors
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.sqrt(0.0), round(math.exp(1), 12), math.exp(0), math.expm1(1e-10))
print(math.log(math.e), math.log(100, 10), math.log(8, 2), math.log(1), math.log10(1000), math.log2(1024), math.log2(3))
print(math.log1p(1e-10), math.pow(2, 10), math.pow(2, 0.5), math.pow(1, math.nan), math.pow(math.nan, 0))
print(math.sin(0), math.cos(0), math.tan(0), math.sin(math.pi / 2), math.cos(math.pi))
print(round(math.sin(1), 12), round(math.cos(1), 12), round(math.tan(1), 12))
print(math.asin(1), math.acos(1), math.atan(1), math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0, -1))
print(round(math.sinh(1), 12), round(math.cosh(1), 12), round(math.tanh(1), 12))
print(round(math.asinh(1), 12), round(math.acosh(2), 12), round(math.atanh(0.5), 12), math.asinh(0.0), math.atanh(0.0))
print(math.degrees(math.pi), math.radians(180), math.hypot(3, 4), math.fabs(-2), math.fmod(7, 3), math.fmod(-7, 3))
print(math.copysign(3, -0.0), math.copysign(-2.5, 1))
print(math.floor(-2.5), math.floor(2.5), math.ceil(-2.5), math.ceil(2.5), math.trunc(-2.7), math.trunc(2.7), math.floor(7))
print(type(math.floor(1.5)).__name__, type(math.ceil(1.5)).__name__, math.floor(True))
print(math.modf(2.5), math.modf(-2.5), math.frexp(8.0), math.frexp(0.1), math.frexp(0.0), math.ldexp(0.5, 4))
print(math.isnan(math.nan), math.isnan(1.0), math.isinf(-math.inf), math.isinf(1e308), math.isfinite(1e308), math.isfinite(math.nan))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0.0, 1e-12, abs_tol=1e-9))
print(math.factorial(0), math.factorial(5), math.factorial(20), math.gcd(12, 18), math.gcd(-4, 6), math.gcd(), math.gcd(0, 0))
for f, args in [(math.sqrt, (-1,)), (math.log, (0,)), (math.log, (-1,)), (math.acos, (2,)), (math.atanh, (1,)),
                (math.exp, (1000,)), (math.pow, (0, -1)), (math.pow, (-8, 1 / 3)), (math.pow, (10, 400)),
                (math.fmod, (1, 0)), (math.floor, (math.inf,)), (math.ceil, (math.nan,)), (math.factorial, (-1,)),
                (math.log, (10, 1)), (math.sin, (math.inf,)), (math.ldexp, (1.0, 2000)), (math.cosh, (1000,))]:
    try:
        print(f(*args))
    except (ValueError, OverflowError, ZeroDivisionError) as err:
        print(type(err).__name__, err)

# expect: 3.141592653589793 2.718281828459045 6.283185307179586 inf -inf nan
# expect: 1.4142135623730951 4.0 0.0 2.718281828459 1.0 1.00000000005e-10
# expect: 1.0 2.0 3.0 0.0 3.0 10.0 1.584962500721156
# expect: 9.999999999500001e-11 1024.0 1.4142135623730951 1.0 1.0
# expect: 0.0 1.0 0.0 1.0 -1.0
# expect: 0.841470984808 0.540302305868 1.557407724655
# expect: 1.5707963267948966 0.0 0.7853981633974483 0.7853981633974483 -2.356194490192345 3.141592653589793
# expect: 1.175201193644 1.543080634815 0.761594155956
# expect: 0.88137358702 1.316957896925 0.549306144334 0.0 0.0
# expect: 180.0 3.141592653589793 5.0 2.0 1.0 -1.0
# expect: -3.0 2.5
# expect: -3 2 -2 3 -2 2 7
# expect: int int 1
# expect: (0.5, 2.0) (-0.5, -2.0) (0.5, 4) (0.8, -3) (0.0, 0) 8.0
# expect: True False True False True False
# expect: True False True
# expect: 1 120 2432902008176640000 6 2 0 0
# expect: ValueError math domain error
# expect: ValueError math domain error
# expect: ValueError math domain error
# expect: ValueError math domain error
# expect: ValueError math domain error
# expect: OverflowError math range error
# expect: ValueError math domain error
# expect: ValueError math domain error
# expect: OverflowError math range error
# expect: ValueError math domain error
# expect: OverflowError cannot convert float infinity to integer
# expect: ValueError cannot convert float NaN to integer
# expect: ValueError factorial() not defined for negative values
# expect: ZeroDivisionError float division by zero
# expect: ValueError math domain error
# expect: OverflowError math range error
# expect: OverflowError math range error
