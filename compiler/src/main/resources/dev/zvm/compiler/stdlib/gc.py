# The VM's heap. collect() runs a full collection; mem_free()/mem_alloc() are bytes free and in
# use; heap_lock() makes every allocation fail with MemoryError until heap_unlock() (MicroPython's
# heap lock: tests use it to prove that a loop allocates nothing).
# Zerynth's info(), enable(period=500) and disable() are here too: info() is (heap bytes, free
# bytes, fragmentation %, objects alive after the last collection, collections, period ms,
# largest free block bytes). The VM collects when an allocation does not fit; enable(period) also
# collects every period ms (off until a program asks), disable() stops that.

@native("gc.collect")
def collect(): pass

@native("gc.mem_free")
def mem_free(): pass

@native("gc.mem_alloc")
def mem_alloc(): pass

@native("gc.heap_lock")
def heap_lock(): pass

@native("gc.heap_unlock")
def heap_unlock(): pass

@native("gc.info")
def info(): pass

@native("gc.enable")
def enable(period=500): pass

@native("gc.disable")
def disable(): pass
