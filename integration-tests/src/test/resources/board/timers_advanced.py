# Timers: callback arguments, re-arming, a callback that sleeps, a timer that blinks LED1,
# stopwatches, and destroy.
# run: --until 2s
import timers

log = []

def record(what):
    log.append(what)
    print("callback", what, "at", timers.now())

def slow(name):
    print(name, "starts at", timers.now())
    sleep(30)
    print(name, "ends at", timers.now())

def blink():
    pinToggle(LED1)

pinMode(LED1, OUTPUT)
blinker = timers.timer()
blinker.interval(125, blink)

a = timers.timer()
a.one_shot(100, record, "a")
a.one_shot(150, record, "a re-armed")
b = timers.timer()
b.one_shot(200, slow, "b")
c = timers.timer()
c.one_shot(210, record, None)

watch = timers.timer()
watch.start()
sleep(400)
print("watch", watch.get(), "ms; reset returns", watch.reset(), "then", watch.get())

n = [0]
def count():
    n[0] += 1

many = []
for i in range(20):
    t = timers.timer()
    t.interval(10 + i, count)
    many.append(t)
sleep(100)
for t in many:
    t.clear()
print("twenty interval timers fired", n[0], "times in 100 ms")

a.destroy()
try:
    a.one_shot(10, record, "never")
except RuntimeError as e:
    print("RuntimeError:", e)
print("log", log)
sleep(500)
blinker.clear()
print("blinker stopped at", timers.now())
