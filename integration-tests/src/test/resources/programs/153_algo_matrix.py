# matrices as lists of lists: multiply, power by squaring, determinant


def mat_mul(a, b):
    n = len(a)
    m = len(b[0])
    k = len(b)
    out = []
    for i in range(n):
        row = []
        for j in range(m):
            s = 0
            for t in range(k):
                s += a[i][t] * b[t][j]
            row.append(s)
        out.append(row)
    return out


def id_loop(n):
    out = []
    for i in range(n):
        row = [0] * n
        row[i] = 1
        out.append(row)
    return out


def mat_pow(m, e):
    result = id_loop(len(m))
    while e > 0:
        if e & 1:
            result = mat_mul(result, m)
        e >>= 1
        if e > 0:
            m = mat_mul(m, m)
    return result


def det(m):
    if len(m) == 1:
        return m[0][0]
    total = 0
    for c in range(len(m)):
        minor = []
        for r in range(1, len(m)):
            minor.append(m[r][:c] + m[r][c + 1:])
        sign = 1 if c % 2 == 0 else -1
        total += sign * m[0][c] * det(minor)
    return total


a = [[1, 2], [3, 4]]
b = [[5, 6], [7, 8]]
print(mat_mul(a, b), mat_mul(b, a))
print(mat_pow([[1, 1], [1, 0]], 10), mat_pow([[1, 1], [1, 0]], 90)[0][1])
print(det([[2]]), det(a), det([[6, 1, 1], [4, -2, 5], [2, 8, 7]]), det(id_loop(4)))
c = [[1, 2, 3], [4, 5, 6]]
print(mat_mul(c, [[1], [0], [-1]]))
