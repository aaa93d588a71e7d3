# Mathematical functions, as CPython's math module: domain errors raise ValueError("math domain
# error"), overflows OverflowError("math range error"); floor, ceil and trunc return ints.

pi = 3.141592653589793
e = 2.718281828459045
tau = 6.283185307179586
inf = float("inf")
nan = float("nan")

@native("math.sqrt")
def sqrt(x): pass

@native("math.exp")
def exp(x): pass

@native("math.expm1")
def expm1(x): pass

@native("math.log")
def log(x, base=e): pass

@native("math.log2")
def log2(x): pass

@native("math.log10")
def log10(x): pass

@native("math.log1p")
def log1p(x): pass

@native("math.pow")
def pow(x, y): pass

@native("math.sin")
def sin(x): pass

@native("math.cos")
def cos(x): pass

@native("math.tan")
def tan(x): pass

@native("math.asin")
def asin(x): pass

@native("math.acos")
def acos(x): pass

@native("math.atan")
def atan(x): pass

@native("math.atan2")
def atan2(y, x): pass

@native("math.sinh")
def sinh(x): pass

@native("math.cosh")
def cosh(x): pass

@native("math.tanh")
def tanh(x): pass

@native("math.asinh")
def asinh(x): pass

@native("math.acosh")
def acosh(x): pass

@native("math.atanh")
def atanh(x): pass

@native("math.degrees")
def degrees(x): pass

@native("math.radians")
def radians(x): pass

@native("math.hypot")
def hypot(x, y): pass

@native("math.fabs")
def fabs(x): pass

@native("math.fmod")
def fmod(x, y): pass

@native("math.copysign")
def copysign(x, y): pass

@native("math.floor")
def floor(x): pass

@native("math.ceil")
def ceil(x): pass

@native("math.trunc")
def trunc(x): pass

@native("math.modf")
def modf(x): pass

@native("math.frexp")
def frexp(x): pass

@native("math.ldexp")
def ldexp(x, i): pass

@native("math.isnan")
def isnan(x): pass

@native("math.isinf")
def isinf(x): pass

@native("math.isfinite")
def isfinite(x): pass

@native("math.isclose")
def isclose(a, b, rel_tol=1e-09, abs_tol=0.0): pass

@native("math.factorial")
def factorial(n): pass

@native("math.gcd")
def gcd(*integers): pass
