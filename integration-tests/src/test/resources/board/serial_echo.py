# Serial echo on the console port: every line received is written back; "bye" ends the program.
import streams
import timers

s = streams.serial()
print("echo ready")
while True:
    line = s.readline()
    s.write("echo: ")
    s.write(line)
    if line == bytearray(b"bye\n"):
        break
print("bye at", timers.now(), "ms")
