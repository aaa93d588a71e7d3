# The VM's heap. collect() runs a full collection; mem_free()/mem_alloc() are bytes free and in
# use; heap_lock() makes every allocation fail with MemoryError until heap_unlock() (MicroPython's
# heap lock: tests use it to prove that a loop allocates nothing).

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
