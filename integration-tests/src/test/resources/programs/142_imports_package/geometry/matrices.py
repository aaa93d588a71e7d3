# helper module for 142_imports_package


def identity(n):
    rows = []
    for i in range(n):
        row = []
        for j in range(n):
            row.append(1 if i == j else 0)
        rows.append(row)
    return rows


def mul_vec(m, v):
    out = []
    for row in m:
        s = 0
        for i in range(len(v)):
            s += row[i] * v[i]
        out.append(s)
    return out


def transpose(m):
    out = []
    for c in range(len(m[0])):
        col = []
        for r in range(len(m)):
            col.append(m[r][c])
        out.append(col)
    return out
