# PWM fade: LED0's duty cycle goes 0% -> 100% -> 0% in 10% steps, 100 ms apart, on a 1 ms period.
# run: --until 2500ms
import pwm

period = 1000
for cycle in range(2):
    for duty in range(0, 101, 10):
        pwm.write(LED0.PWM, period, period * duty // 100, MICROS)
        sleep(100)
    for duty in range(90, -1, -10):
        pwm.write(LED0.PWM, period, period * duty // 100, MICROS)
        sleep(100)
    print("cycle", cycle, "done")
pwm.write(LED0.PWM, 0, 0)
