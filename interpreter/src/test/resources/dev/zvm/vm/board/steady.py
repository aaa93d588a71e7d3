# the pin and ADC natives allocate nothing: a blink-and-sample loop runs with the heap locked
# (any allocation would raise MemoryError); the test set A0 to 100
import gc, adc

pinMode(LED0, OUTPUT)
pinMode(BTN0, INPUT_PULLUP)
n = 0
total = 0
gc.heap_lock()
while n < 1000:
    digitalWrite(LED0, n & 1)
    pinToggle(LED0)
    total += digitalRead(LED0) + digitalRead(BTN0) + adc.read(A0) + analogRead(A0)
    n += 1
gc.heap_unlock()
print(n, total)

# expect: 1000 201500
