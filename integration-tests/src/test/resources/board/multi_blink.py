# Multi-thread blink: one thread per LED, each with its own period; the main thread ends,
# the blinkers keep the program running.
# run: --until 2100ms

def blink(led, period):
    pinMode(led, OUTPUT)
    while True:
        pinToggle(led)
        sleep(period)

thread(blink, LED0, 300)
thread(blink, LED1, 500)
thread(blink, LED2, 700)
print("three blinkers started")
