# the gc module: collect() really collects; info() is Zerynth's 7-tuple; enable(period) collects
# every period ms (off at first), disable() stops it
import gc

info = gc.info()
print(len(info), info[0] > info[1] > 0, 0 <= info[2] <= 100, info[5])
keep = [[i] for i in range(1000)]
free_alive = gc.mem_free()
runs = gc.info()[4]
keep = None
gc.collect()
after = gc.info()
print(gc.mem_free() > free_alive, after[4] > runs, after[3] > 0, 0 < after[6] <= after[1])
gc.disable()
print(gc.info()[5])
gc.enable(100)
print(gc.info()[5])
gc.enable()
print(gc.info()[5])
gc.enable(10)
runs = gc.info()[4]
sleep(35)
print(gc.info()[4] - runs >= 1)
gc.disable()
try:
    gc.enable(0)
except ValueError as err:
    print("ValueError", err)

# expect: 7 True True 0
# expect: True True True True
# expect: 0
# expect: 100
# expect: 500
# expect: True
# expect: ValueError period=0 must be a positive number of milliseconds
