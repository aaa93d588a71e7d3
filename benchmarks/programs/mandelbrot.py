"""Float loops: the Mandelbrot set on an n x n grid over [-1.5, 0.5] x [-1, 1] (written for zvm).

Each point iterates z = z^2 + c at most 50 times with real arithmetic on separate real and
imaginary parts. The result is the number of points that stay bounded and a checksum of the
escape counts; the figures for the workloads below are the self-check, and any other n must
give counts inside the grid.
"""
import harness

LIMIT = 50


def run(n):
    inside = 0
    checksum = 0
    scale = 2.0 / n
    y = 0
    while y < n:
        ci = y * scale - 1.0
        x = 0
        while x < n:
            cr = x * scale - 1.5
            zr = 0.0
            zi = 0.0
            tr = 0.0
            ti = 0.0
            i = 0
            while i < LIMIT and tr + ti <= 4.0:
                zi = 2.0 * zr * zi + ci
                zr = tr - ti + cr
                tr = zr * zr
                ti = zi * zi
                i += 1
            if i == LIMIT:
                inside += 1
            checksum = (checksum * 31 + i) & 0xFFFFFF
            x += 1
        y += 1
    return (inside, checksum)


EXPECTED = {16: (104, 8645108), 64: (1628, 2898643), 320: (40694, 6519845)}


def check(n, result):
    if n in EXPECTED and result != EXPECTED[n]:
        return "inside/checksum %r, expected %r" % (result, EXPECTED[n])
    if result[0] < 0 or result[0] > n * n:
        return "%d points inside a grid of %d" % (result[0], n * n)
    return None


harness.bench("mandelbrot", {"tiny": 16, "small": 64, "default": 320}, run, check)
