# a register-map sensor at 0x48 on I2C0 (WHO_AM_I 0x0F = 0x5A, COUNTER 0x10 counts its reads);
# the host set register 0x40 to 0x33
import i2c

dev = i2c.I2C(I2C0, 0x48)
dev.start()
print(dev.write_read(0x0F, 1), dev.write_read([0x40], 1))
print(dev.write_read(0x10, 1)[0], dev.write_read(0x10, 1)[0], dev.write_read(0x10, 1)[0])
dev.write(bytes([0x20, 1, 2, 3]))
print(dev.write_read(0x20, 3))
dev.write_bytes(0x30, 0x7F)
dev.write(0x30)
print(dev.read(1)[0])
dev.set_addr(0x49)
try:
    dev.read(1)
except PeripheralError as e:
    print("PeripheralError", e)

# expect: b'Z' b'3'
# expect: 0 1 2
# expect: b'\x01\x02\x03'
# expect: 127
# expect: PeripheralError I2C0: address=0x49 not acknowledged (no device)
