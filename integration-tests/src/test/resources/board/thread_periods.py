# Threads at different periods and priorities. At the start all three are ready together and the
# highest priority runs first; afterwards each period counts from the thread's own wake-up, so a
# thread that has looped more often (each safe point costs 1 us of virtual time) wakes a little later.
# run: --until 1s
import timers

def worker(name, period):
    n = 0
    while True:
        n += 1
        print(timers.now(), name, n)
        sleep(period)

thread(worker, "fast   (100 ms, low)", 100, prio=PRIO_LOW)
thread(worker, "medium (250 ms, normal)", 250)
thread(worker, "slow   (500 ms, high)", 500, prio=PRIO_HIGH)
