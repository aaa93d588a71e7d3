# a register-map sensor on SPI0 with its chip select on D10: the first byte after select is
# (read ? 0x80 : 0) | register
import spi

s = spi.Spi(D10)
s.select()
print(s.exchange(bytes([0x80 | 0x0F, 0])), digitalRead(D10))
s.unselect()
s.select()
s.write([0x21, 0xAB, 0xCD])
s.unselect()
s.select()
s.write(0x80 | 0x21)
print(s.read(2))
s.unselect()
print(digitalRead(D10))

# expect: b'\x00Z' 0
# expect: b'\xab\xcd'
# expect: 1
