"""The spectral norm of the infinite matrix A(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1),
truncated to n x n, by ten rounds of the power method on A^T A (written for zvm).

Float division and nested loops over lists. The norm approaches 1.2742241 as n grows; the
check compares with the figures for the workloads below (1.274219991 for n = 100 is the classic
one) and bounds any other n.
"""
import harness


def entry(i, j):
    s = i + j
    return 1.0 / ((s * (s + 1)) // 2 + i + 1)


def times(v, out, n):
    """out = A v"""
    i = 0
    while i < n:
        total = 0.0
        j = 0
        while j < n:
            total += entry(i, j) * v[j]
            j += 1
        out[i] = total
        i += 1


def times_transposed(v, out, n):
    """out = A^T v"""
    i = 0
    while i < n:
        total = 0.0
        j = 0
        while j < n:
            total += entry(j, i) * v[j]
            j += 1
        out[i] = total
        i += 1


def times_ata(v, out, tmp, n):
    times(v, tmp, n)
    times_transposed(tmp, out, n)


def run(n):
    u = [1.0] * n
    v = [0.0] * n
    tmp = [0.0] * n
    rounds = 0
    while rounds < 10:
        times_ata(u, v, tmp, n)
        times_ata(v, u, tmp, n)
        rounds += 1
    vbv = 0.0
    vv = 0.0
    i = 0
    while i < n:
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
        i += 1
    return (vbv / vv) ** 0.5


EXPECTED = {10: 1.271844019, 100: 1.274219991, 300: 1.274223986}


def check(n, norm):
    if n in EXPECTED:
        if abs(norm - EXPECTED[n]) > 1e-9:
            return "norm %.9f, expected %.9f" % (norm, EXPECTED[n])
    elif n >= 2 and not (1.2 < norm < 1.2742242):
        return "norm %.9f out of range" % norm
    return None


harness.bench("spectral_norm", {"tiny": 10, "small": 100, "default": 300}, run, check)
