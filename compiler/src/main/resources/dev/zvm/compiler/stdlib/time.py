# Clocks for programs and the benchmark harness.

@native("time.perf_counter")
def perf_counter(): pass

@native("time.time")
def time(): pass
