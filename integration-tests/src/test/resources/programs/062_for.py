# for loops over every iterable kind, for-else, break, continue, loop variable after the loop
for x in [1, 2, 3]:
    print(x, end=" ")
print()
for ch in "abc":
    print(ch, end="")
print()
for item in (10, 20):
    print(item, end=" ")
print()
for k in {"x": 1, "y": 2}:
    print(k, end=" ")
print()
for i in range(3, 0, -1):
    print(i, end=" ")
print()
for b in b"AB":
    print(b, end=" ")
print()
for i, v in enumerate(["zero", "one"]):
    print(i, v)
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
for i in range(10):
    if i % 3 == 0:
        continue
    if i > 7:
        break
    print("i =", i)
for last in range(5):
    pass
print("loop variable after loop:", last)
for empty in []:
    print("never")
else:
    print("for-else on empty iterable")
total = 0
for row in [[1, 2], [3, 4], [5, 6]]:
    for cell in row:
        total += cell
print(total)
pairs = []
for a, b in [(1, 2), (3, 4)]:
    pairs.append(a * b)
print(pairs)
for (a, b), c in [((1, 2), 3), ((4, 5), 6)]:
    print(a, b, c)
lst = [1, 2, 3]
for x in lst[:]:
    lst.append(x * 10)
print(lst)
count = 0
for i in range(100):
    for j in range(100):
        if (i + j) % 7 == 0:
            count += 1
print(count)
