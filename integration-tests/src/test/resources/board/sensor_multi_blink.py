# A sensor sets the pace: a high-priority thread reads A0 every 100 ms and maps it to a blink
# period of 100..1000 ms; two LED threads blink at that period and at twice it.
# run: --until 3s
import adc
import timers

period = [500]

def sensor():
    while True:
        p = 100 + adc.read(A0) * 900 // 4095
        if p != period[0]:
            period[0] = p
            print(timers.now(), "ms: period", p, "ms")
        sleep(100)

def blinker(led, factor):
    pinMode(led, OUTPUT)
    while True:
        pinToggle(led)
        sleep(period[0] * factor)

thread(sensor, prio=PRIO_HIGH)
thread(blinker, LED0, 1)
thread(blinker, LED1, 2)
