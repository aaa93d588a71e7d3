"""Backtracking: counts every placement of n queens on an n x n board (written for zvm).

The search keeps three lists of booleans (columns and the two diagonals) and recurses row by
row, so it is function calls, list indexing and branches. The counts are known for every n
(OEIS A000170).
"""
import harness

SOLUTIONS = [1, 1, 0, 0, 2, 10, 4, 40, 92, 352, 724, 2680, 14200, 73712]


def place(row, n, columns, rising, falling):
    if row == n:
        return 1
    found = 0
    col = 0
    while col < n:
        r = row + col
        f = row - col + n - 1
        if not columns[col] and not rising[r] and not falling[f]:
            columns[col] = True
            rising[r] = True
            falling[f] = True
            found += place(row + 1, n, columns, rising, falling)
            columns[col] = False
            rising[r] = False
            falling[f] = False
        col += 1
    return found


def run(n):
    return place(0, n, [False] * n, [False] * (2 * n), [False] * (2 * n))


def check(n, count):
    if n < len(SOLUTIONS) and count != SOLUTIONS[n]:
        return "%d solutions, expected %d" % (count, SOLUTIONS[n])
    return None


harness.bench("nqueens", {"tiny": 6, "small": 9, "default": 11}, run, check)
