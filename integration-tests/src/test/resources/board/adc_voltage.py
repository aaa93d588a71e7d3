# ADC: read A0 every 100 ms and turn the 12-bit value into a voltage on a 3.3 V reference.
# run: --until 1s
import adc

while True:
    value = adc.read(A0)
    voltage = value * 3.3 / 4095
    print("A0 =", value, "->", "%.3f V" % voltage)
    sleep(100)
