# print follows the default stream: SERIAL1 (checked from Java) until it is closed; stream= names
# one explicitly; the host fed "abc" to SERIAL1
import streams

s1 = streams.serial(SERIAL1)
print("to serial1", 42)
s1.write(b"raw bytes\n")
print("also", end="!\n")
console = streams.serial(SERIAL0, set_default=False)
console.write("on the console\n")
print("explicit", 1, sep="-", stream=console)
s1.close()
print("back on the console")
print(s1.read(3), s1.available())
s2 = streams.serial(SERIAL2, set_default=False)
print(s2.write(b"0123456789" * 10))
print(s2.readline(sep=";"), s2.readline(buffer=bytearray(b"xy"), ofs=1, size=2))

# expect: on the console
# expect: explicit-1
# expect: back on the console
# expect: bytearray(b'abc') 0
# expect: 100
# expect: bytearray(b'a;') bytearray(b'xbc')
