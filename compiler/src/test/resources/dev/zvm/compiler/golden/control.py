total = 0
for i in range(10):
    if i % 2 == 0:
        continue
    elif i > 7:
        break
    total += i
else:
    total = -1
n = 3
while n > 0 and total:
    n -= 1
print(total, n, 1 < n <= 3 or not total)
