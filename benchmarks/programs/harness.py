"""The benchmark harness: every corpus program times its measured part through bench() below.

A program is a main file that calls bench(name, sizes, work, check) at module level. bench()
picks the workload from sizes[SCALE], runs work(n) REPEAT times in this one process, checks each
result with check(n, result), and prints one line per repetition, for any implementation's stdout:

    @bench name=nbody scale=small n=2000 rep=0 seconds=0.012345678 ok=1

The first repetitions warm the implementation up; the runner keeps the later ones. A failed
check also prints a "FAIL" line, and bench() raises once all repetitions have run.

SCALE and REPEAT are module-level defaults. The side-by-side runner and the tests override them
from a generated wrapper main file before the program is imported:

    import harness
    harness.configure("small", 6)
    import nbody

Kept inside the language level zvm runs (no closures, generators, f-strings, `with`), and
valid for Python 3 and 2.7 alike.
"""
from __future__ import print_function
from time import perf_counter

SCALE = "default"
REPEAT = 3


def configure(scale, repeat):
    global SCALE, REPEAT
    SCALE = scale
    REPEAT = repeat


def bench(name, sizes, work, check):
    n = sizes[SCALE]
    failures = 0
    rep = 0
    while rep < REPEAT:
        start = perf_counter()
        result = work(n)
        seconds = perf_counter() - start
        problem = check(n, result)
        ok = 1
        if problem is not None:
            ok = 0
            failures += 1
        print("@bench name=%s scale=%s n=%d rep=%d seconds=%.9f ok=%d"
              % (name, SCALE, n, rep, seconds, ok))
        if problem is not None:
            print("FAIL %s n=%d: %s" % (name, n, problem))
        rep += 1
    if failures > 0:
        raise RuntimeError("%s: the self-check failed %d time(s)" % (name, failures))
