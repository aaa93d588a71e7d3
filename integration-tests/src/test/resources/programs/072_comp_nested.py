# nested comprehensions: several for clauses, and a comprehension inside a comprehension
print([(x, y) for x in range(3) for y in range(3) if x != y])
print([x * y for x in range(1, 4) for y in range(x, 4)])
print([c for word in ["ab", "cd", "ef"] for c in word])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([v for row in matrix for v in row if v % 2])
print([[row[i] for row in matrix] for i in range(3)])
print([[i * j for j in range(4)] for i in range(4)])
print({(a, b): a + b for a in range(2) for b in range(2)})
print(sorted({a * b for a in range(5) for b in range(5) if a < b}))
print([x for x in range(30) if x % 2 == 0 if x % 3 == 0 if x > 5])
print([[y for y in range(x)] for x in range(5)])
print([(i, j, k) for i in range(2) for j in range(2) for k in range(2) if i + j + k == 2])
flat = [n for sub in [[1, [2]], [3, [4, 5]]] for n in sub[1]]
print(flat)
