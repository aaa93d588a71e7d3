# A bouncing button: each press toggles LED0. The 20 ms debounce hides the bounces: a callback
# comes only once the level has been stable for 20 ms.
# run: --until 2s
import timers

presses = [0]

def pressed():
    presses[0] += 1
    pinToggle(LED0)
    print("press", presses[0], "at", timers.now(), "ms, LED0 =", digitalRead(LED0))

def released():
    print("release at", timers.now(), "ms")

pinMode(LED0, OUTPUT)
pinMode(BTN0, INPUT_PULLUP)
onPinFall(BTN0, pressed, debounce=20)
onPinRise(BTN0, released, debounce=20)
while True:
    sleep(1000)
