# chained comparisons: every operator, short-circuit, middle operand evaluated once
calls = []


def val(x):
    calls.append(x)
    return x


print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 <= 1 < 2, 1 == 1 == 1, 1 == 1 != 2, 1 < 2 > 0)
print(0 < 5 <= 5 < 6 != 7 == 7 > -1 >= -1)
print(val(1) < val(2) < val(3), calls)
calls = []
print(val(5) < val(2) < val(3), calls)
calls = []
print(val(1) < val(10) > val(4) == val(4), calls)
x = 5
print(0 <= x < 10, 10 <= x < 20, -10 < -x < 0)
print(1 in [1, 2] in [[1, 2]], 3 not in [1] == True, None is None is not x)
print("a" < "b" < "c", (1, 2) < (1, 3) <= (1, 3))
a = b = c = 7
print(a == b == c, a is b is c, a < b < c)
lo, hi = 0, 100
for t in [-1, 0, 50, 100, 101]:
    print(t, lo <= t <= hi, lo < t < hi)
