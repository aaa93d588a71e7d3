# I2C master on the board's I2C buses, where device models sit (Zerynth's i2c module, minimal).
# A device that does not acknowledge its address raises PeripheralError.

@native("i2c._bus")
def _bus(drvname): pass

@native("i2c._transmit")
def _transmit(bus, addr, data, n): pass

def _bytes(data):
    if isinstance(data, int):
        return bytes((data,))
    if isinstance(data, bytes) or isinstance(data, bytearray):
        return data
    return bytes(data)

class I2C:
    # drvname None means I2C0; addr is the device's 7-bit address.
    def __init__(self, drvname, addr, clock=100000):
        self.bus = _bus(drvname)
        self.addr = addr
        self.clock = clock
        self.started = False

    def start(self):
        self.started = True

    def stop(self):
        self.started = False

    def set_addr(self, addr):
        self.addr = addr

    def _check(self):
        if not self.started:
            raise InvalidHardwareStatusError("I2C: start() the driver before a transfer")

    # Writes data (bytes, bytearray, an int or a list of ints).
    def write(self, data, timeout=-1):
        self._check()
        _transmit(self.bus, self.addr, _bytes(data), 0)

    # Writes each argument as one byte.
    def write_bytes(self, *args):
        self._check()
        _transmit(self.bus, self.addr, bytes(args), 0)

    # Reads n bytes.
    def read(self, n, timeout=-1):
        self._check()
        return _transmit(self.bus, self.addr, None, n)

    # Writes data, then reads n bytes after a repeated start (a register read).
    def write_read(self, data, n, timeout=-1):
        self._check()
        return _transmit(self.bus, self.addr, _bytes(data), n)
