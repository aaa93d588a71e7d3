# PWM settings reach the board; a counted train blocks until its pulses are out (BoardTest checks
# the board's times)
import pwm

pwm.write(D3.PWM, 20, 5)
analogWrite(LED0.PWM, 1000, 250, MICROS)
pwm.write(D4, 100, 50, MICROS, npulses=3)
print("the train on D4 is out")
pwm.write(D5, 2, 1, time_unit=MILLIS)
pwm.write(D5, 0, 0)
pwm.write(D6, 1.5, 0.5)

# expect: the train on D4 is out
