# the ADC reads what the host set: A0 = 512 and A2 = 4095 by value, A1 from a function of time
# that counts its calls (BoardTest); results follow Zerynth's shapes
import adc

print(analogRead(A0), adc.read(A2), adc.read(A0, samples=1))
print(adc.read(A1, 4))
print(adc.read([A0, A2]), adc.read((A2, A0)))
print(adc.read([A0, A1], 3))
raw = adc.read(A0)
print("A0 = %.3f V" % (raw * 3.3 / 4095))

# expect: 512 4095 512
# expect: shorts([1, 2, 3, 4])
# expect: shorts([512, 4095]) shorts([4095, 512])
# expect: (shorts([512, 512, 512]), shorts([5, 6, 7]))
# expect: A0 = 0.413 V
