# SPI master on the board's SPI buses, where device models sit (Zerynth's spi module, minimal):
# select() starts a transaction with the device whose chip select is nss, unselect() ends it.

SPI_MODE_LOW_FIRST = 0
SPI_MODE_LOW_SECOND = 1
SPI_MODE_HIGH_FIRST = 2
SPI_MODE_HIGH_SECOND = 3
SPI_8_BITS = 0
SPI_16_BITS = 1

@native("spi._bus")
def _bus(drvname): pass

@native("spi._select")
def _select(bus, nss): pass

@native("spi._unselect")
def _unselect(bus): pass

@native("spi._exchange")
def _exchange(bus, data, n, keep): pass

def _bytes(data):
    if isinstance(data, int):
        return bytes((data,))
    if isinstance(data, bytes) or isinstance(data, bytearray):
        return data
    return bytes(data)

class Spi:
    # drvname None means SPI0; clock, bits and mode are accepted for Zerynth's sake.
    def __init__(self, nss, drvname=None, clock=12000000, bits=SPI_8_BITS, mode=SPI_MODE_LOW_FIRST):
        self.nss = nss
        self.bus = _bus(drvname)
        self.clock = clock
        self.bits = bits
        self.mode = mode

    def select(self):
        _select(self.bus, self.nss)

    def unselect(self):
        _unselect(self.bus)

    # Sends data (bytes, bytearray, an int or a list of ints), ignoring what comes back.
    def write(self, data):
        _exchange(self.bus, _bytes(data), 0, False)

    # Reads n bytes (sending zeros).
    def read(self, n):
        return _exchange(self.bus, None, n, True)

    # Clocks n bytes through, keeping nothing.
    def skip(self, n):
        _exchange(self.bus, None, n, False)

    # Sends data and returns the bytes that came back meanwhile.
    def exchange(self, data):
        return _exchange(self.bus, _bytes(data), 0, True)
