# pin modes and writes reach the board (BoardTest checks them from Java); reads follow the
# board's electrical model; BTN0 is driven low by the test before the run
pinMode(LED0, OUTPUT)
digitalWrite(LED0, HIGH)
pinMode(LED1, OUTPUT)
digitalWrite(LED1, 7)
pinToggle(LED1)
pinMode(D5, INPUT_PULLUP)
pinMode(D6, INPUT_PULLDOWN)
pinMode(D7, OUTPUT_OPENDRAIN)
digitalWrite(D7, LOW)
print(digitalRead(LED0), digitalRead(LED1), digitalRead(D5), digitalRead(D6), digitalRead(D7))
pinMode(BTN0, INPUT_PULLUP)
pinMode(BTN1, INPUT_PULLUP)
print(digitalRead(BTN0), digitalRead(BTN1))

pinMode(LED2, OUTPUT)
for i in range(4):
    pinToggle(LED2)
print(digitalRead(LED2))

import gpio
gpio.mode(D8, OUTPUT)
gpio.high(D8)
print(gpio.get(D8), end=" ")
gpio.low(D8)
print(gpio.get(D8), end=" ")
gpio.set(D8, True)
gpio.toggle(D8)
print(gpio.get(D8))

# the board's names are constants: (class << 8) | index, as in Zerynth
print(D0, D15, A0, LED0, BTN1, D3.PWM, LED0.PWM)
print(hex(SERIAL0), hex(SERIAL2), hex(SPI0), hex(I2C0), hex(ADC0), hex(PWMD0))
print(HIGH, LOW, INPUT, INPUT_PULLUP, INPUT_PULLDOWN, OUTPUT, OUTPUT_OPENDRAIN, NANOS, MICROS, MILLIS, SECONDS)

# expect: 1 0 1 0 0
# expect: 0 1
# expect: 0
# expect: 1 0 0
# expect: 0 15 256 2304 2561 1027 1040
# expect: 0x700 0x702 0x200 0x300 0x100 0x400
# expect: 1 0 1 2 3 4 5 0 1 2 3
