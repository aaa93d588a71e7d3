# vhal's errors are Python exceptions of the same name, with vhal's key=value message
import adc, pwm, spi, i2c, streams

def attempt(f, *args):
    try:
        f(*args)
        print("no error")
    except PeripheralError as e:
        print(type(e).__name__, "(a PeripheralError):", e)
    except Exception as e:
        print(type(e).__name__ + ":", e)

attempt(digitalWrite, 999, 1)
attempt(digitalRead, -1)
attempt(pinMode, D0, 99)
attempt(pinMode, D0, INPUT_ANALOG)
attempt(digitalWrite, "D0", 1)
attempt(adc.read, D3)
attempt(adc.read, A0, 0)
attempt(adc.read, [])
attempt(pwm.write, A0, 10, 5)
attempt(pwm.write, D3, -10, 5)
attempt(pwm.write, D3, 10, 5, 9)
attempt(streams.serial, SERIAL0 + 9)
attempt(streams.serial, SPI0)
bus = spi.Spi(D10)
attempt(bus.write, b"x")
attempt(bus.unselect)
dev = i2c.I2C(I2C0, 0x21)
attempt(dev.read, 1)
dev.start()
attempt(dev.read, 1)
attempt(i2c.I2C, I2C0 + 1, 0x21)

# expect: InvalidPinError (a PeripheralError): pin=999 (0x03e7) is not a pin of board virtual
# expect: InvalidPinError (a PeripheralError): pin=-1 is not a pin of board virtual
# expect: ValueError: mode=99 is not a pin mode
# expect: UnsupportedError: mode=7 is not supported by this board
# expect: TypeError: pin: an integer is required, not 'str'
# expect: InvalidPinError (a PeripheralError): pin=D3 has no ADC channel on board virtual
# expect: ValueError: samples=0 must be in 1..65535
# expect: ValueError: adc.read() needs at least one pin
# expect: InvalidPinError (a PeripheralError): pin=A0 has no PWM function on board virtual
# expect: ValueError: period=-10 must not be negative
# expect: ValueError: time_unit=9 is not NANOS, MICROS, MILLIS or SECONDS
# expect: InvalidPinError (a PeripheralError): peripheral=0x0709 is not a SERIAL peripheral of board virtual
# expect: InvalidPinError (a PeripheralError): drvname=512 is not a SERIAL peripheral of board virtual
# expect: InvalidHardwareStatusError (a PeripheralError): SPI0: exchange with no device selected
# expect: InvalidHardwareStatusError (a PeripheralError): SPI0: unselect with no device selected
# expect: InvalidHardwareStatusError (a PeripheralError): I2C: start() the driver before a transfer
# expect: PeripheralError (a PeripheralError): I2C0: address=0x21 not acknowledged (no device)
# expect: InvalidPinError (a PeripheralError): peripheral=0x0301 is not a I2C peripheral of board virtual
