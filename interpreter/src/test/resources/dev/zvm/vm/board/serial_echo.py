# the console: the host feeds "hello\nworld\n" before the run and "late!" once both lines are
# read, while s.read(5) waits for it; what the program writes goes to stdout, in order with print
import streams

s = streams.serial()
print(s.available())
line = s.readline()
print("echo:", line)
s.write(s.readline())
print(s.read(5))
print(s.available())
n = s.write("done, \u00e9\n")
print(n)

# expect: 12
# expect: echo: bytearray(b'hello\n')
# expect: world
# expect: bytearray(b'late!')
# expect: 0
# expect: done, é
# expect: 9
