# Blink: LED0 on for 500 ms, off for 500 ms, for ever (stopped by the runner).
# run: --until 3s
import streams

streams.serial()
pinMode(LED0, OUTPUT)
while True:
    digitalWrite(LED0, HIGH)
    print("LED0 on")
    sleep(500)
    digitalWrite(LED0, LOW)
    print("LED0 off")
    sleep(500)
