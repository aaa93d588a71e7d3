# inf, nan and -0.0 in arithmetic and comparisons
inf = float("inf")
nan = float("nan")
ninf = -inf
print(inf, ninf, nan, -nan)
print(inf + 1, inf * 2, inf - inf, inf * 0, -inf * -1, 1 / inf, -1 / inf)
print(inf > 1e308, ninf < -1e308, inf == inf, ninf == -inf, inf > ninf)
print(nan == nan, nan != nan, nan < 1, nan > 1, nan == 0, 1 < nan)
print(nan + 1, nan * 0, max(1.0, 2.0), min(inf, 5), max(ninf, -5))
z = -0.0
print(z, -z, 0.0 == -0.0, z + 0.0, z * 1, 0.0 * -1, -0.0 - 0.0, abs(z))
print(1e308 + 1e308, -(1e308 + 1e308), 1e308 * -1e308)
print(float("inf") == inf, float("-inf") == ninf, str(inf), repr(nan), str(-0.0))
vals = [3.0, inf, -1.0, ninf, 0.0]
print(sorted(vals), sorted(vals, reverse=True))
print(inf in [inf], nan in [1.0, 2.0], [inf, ninf, -0.0])
print(int(1e18), int(-0.0), round(-0.4), round(-0.5), round(0.5))
try:
    int(inf)
except OverflowError:
    print("int(inf) raises OverflowError")
try:
    int(nan)
except ValueError:
    print("int(nan) raises ValueError")
print(bool(nan), bool(0.0), bool(-0.0), bool(inf))
