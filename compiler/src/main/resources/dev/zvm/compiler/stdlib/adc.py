# The analog-to-digital converter: the board's analog pins (A0..) read as ints in
# 0 .. 2**bits - 1 (12 bits on the virtual board).

# read(A0) -> an int; read(A0, 10) -> shorts of 10 samples; read([A0, A1]) -> shorts with a
# sample per pin; read([A0, A1], 10) -> a tuple holding shorts of 10 samples per pin.
@native("adc.read")
def read(pin, samples=1): pass
