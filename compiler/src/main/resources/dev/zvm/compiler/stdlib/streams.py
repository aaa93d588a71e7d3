# Byte streams on the board's serial ports (Zerynth's streams module). SERIAL0 is the console:
# what a program writes to it goes to the VM's stdout, in order with print, and what it reads is
# what the host feeds to the board's console port. read and readline wait for input; write waits
# for room when a port's transmit buffer is full.

PARITY_NONE = 0
PARITY_EVEN = 1
PARITY_ODD = 2
STOPBIT_1 = 0
STOPBIT_1_HALF = 1
STOPBIT_2 = 2
BITSIZE_8 = 0
BITSIZE_7 = 1

@native("streams._open")
def _open(drvname): pass

@native("streams._write")
def _write(port, buf, ofs): pass

@native("streams._read_into")
def _read_into(port, buf, ofs): pass

@native("streams._read_line")
def _read_line(port, line, sep, limit): pass

@native("streams._available")
def _available(port): pass

@native("streams._wait")
def _wait(port, output): pass

@native("streams._set_default")
def _set_default(port, write): pass

@native("streams._close")
def _close(port): pass

class stream:
    # Writes a str (as UTF-8), bytes or bytearray; returns the number of bytes written.
    def write(self, buf):
        if isinstance(buf, str):
            buf = buf.encode()
        n = len(buf)
        done = _write(self._port, buf, 0)
        while done < n:
            _wait(self._port, True)
            done = _write(self._port, buf, done)
        return n

    # Reads exactly size bytes, waiting for them; returns a bytearray.
    def read(self, size=1):
        buf = bytearray(size)
        got = _read_into(self._port, buf, 0)
        while got < size:
            _wait(self._port, False)
            got = _read_into(self._port, buf, got)
        return buf

    # Reads up to and including the separator; returns a bytearray. With a bytearray `buffer`,
    # the line goes into buffer[ofs:] (at most size bytes when size > 0) and buffer is returned.
    def readline(self, sep="\n", buffer=None, size=0, ofs=0):
        if buffer is None:
            line = bytearray()
            limit = 0
        else:
            line = buffer
            del line[ofs:]
            limit = ofs + size if size > 0 else 0
        end = ord(sep)
        while not _read_line(self._port, line, end, limit):
            _wait(self._port, False)
        return line

    # Bytes that can be read without waiting.
    def available(self):
        return _available(self._port)

class serial(stream):
    # drvname is SERIAL0 (the console), SERIAL1, ...; None means SERIAL0. The line settings are
    # accepted for Zerynth's sake: a virtual port carries bytes, not bits. With set_default, print
    # writes to this stream.
    def __init__(self, drvname=None, baud=115200, stopbits=STOPBIT_1, parity=PARITY_NONE,
                 bitsize=BITSIZE_8, set_default=True, rxsize=0, txsize=0):
        self._port = _open(drvname)
        self.baud = baud
        if set_default:
            _set_default(self._port, self.write)

    # print goes back to the console if it went here.
    def close(self):
        _close(self._port)
