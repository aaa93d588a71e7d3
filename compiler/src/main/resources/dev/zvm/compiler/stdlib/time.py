# Clocks for programs and the benchmark harness.

@native("time.perf_counter")
def perf_counter(): pass

@native("time.time")
def time(): pass

@native("builtins.sleep")
def _sleep(duration, time_unit): pass

def sleep(seconds):
    # CPython's time.sleep: gives the GIL up for that many seconds (an int or a float)
    _sleep(seconds, SECONDS)
