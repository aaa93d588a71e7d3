# Digital pins by function name, as in Zerynth's gpio module: the same natives as the builtins
# pinMode, digitalRead, digitalWrite and pinToggle (pins are board constants such as D3 or LED0).

@native("gpio.mode")
def mode(pin, pinmode): pass

@native("gpio.get")
def get(pin): pass

@native("gpio.set")
def set(pin, value): pass

@native("gpio.high")
def high(pin): pass

@native("gpio.low")
def low(pin): pass

@native("gpio.toggle")
def toggle(pin): pass
