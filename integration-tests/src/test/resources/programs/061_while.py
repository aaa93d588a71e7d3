# while loops: else clause, break, continue, nested, counters crossing the small-int boundary
i = 0
while i < 5:
    print(i, end=" ")
    i += 1
print()
n = 10
while n > 0:
    n -= 3
else:
    print("while-else runs after normal exit, n =", n)
k = 0
while True:
    k += 1
    if k == 4:
        break
else:
    print("not printed: loop ended by break")
print("k =", k)
j = 0
odds = []
while j < 12:
    j += 1
    if j % 2 == 0:
        continue
    odds.append(j)
print(odds)
found = None
a = 0
while a < 5:
    b = 0
    while b < 5:
        if a * b == 6:
            found = (a, b)
            break
        b += 1
    if found:
        break
    a += 1
print(found)
x = 27
steps = 0
while x != 1:
    if x % 2:
        x = 3 * x + 1
    else:
        x //= 2
    steps += 1
print("collatz(27) steps:", steps)
c = 1073741800
while c < 1073741830:
    c += 7
print(c)
total = 0
m = 0
while m < 100000:
    total += m
    m += 1
print(total)
w = 3
while w:
    w -= 1
else:
    print("while-else with falsy exit", w)
