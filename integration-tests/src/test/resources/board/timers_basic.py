# Timers: a one-shot callback and a periodic one, both run by the interrupt thread.
import timers

def hello():
    print("one shot at", timers.now())

def tick():
    print("tick at", timers.now())

once = timers.timer()
once.one_shot(250, hello)
ticker = timers.timer()
ticker.interval(100, tick)
sleep(550)
ticker.clear()
print("cleared at", timers.now())
sleep(300)
print("done at", timers.now())
