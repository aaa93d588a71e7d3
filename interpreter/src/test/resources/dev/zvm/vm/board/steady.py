# the pin, ADC and PWM natives allocate nothing: a blink, sample and fade loop runs with the heap
# locked (any allocation would raise MemoryError); the test set A0 to 100
import gc, adc, pwm

pinMode(LED0, OUTPUT)
pinMode(BTN0, INPUT_PULLUP)
n = 0
total = 0
gc.heap_lock()
while n < 1000:
    digitalWrite(LED0, n & 1)
    pinToggle(LED0)
    total += digitalRead(LED0) + digitalRead(BTN0) + adc.read(A0) + analogRead(A0)
    pwm.write(D3.PWM, 1000, n, MICROS)
    n += 1
gc.heap_unlock()
print(n, total)

# expect: 1000 201500
