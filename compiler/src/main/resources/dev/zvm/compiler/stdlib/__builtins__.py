# The builtins module: every name here is visible from every module without an import.
#
# Naming scheme (the VM binds natives by these names when it loads an image):
#   @native("builtins.<name>")  a builtin function, implemented in Java by the VM;
#   @native("types.<name>")     a builtin type (calling it constructs a value), also the VM's.
# The Python signature after the decorator documents the arguments; the body is never compiled.
# The linker keeps only the natives a program uses, so listing many here costs nothing.
# Exception names (ValueError, ...) are not defined here: the compiler knows the builtin
# exception tree (dev.zvm.bytecode.ExceptionTree) and emits LOAD_EXCEPTION for them.
# new_exception(Name, Parent, "msg") is compile-time only and is not defined here either.

# ---- types ----
@native("types.object")
def object(): pass

@native("types.int")
def int(x=0, base=10): pass

@native("types.float")
def float(x=0.0): pass

@native("types.bool")
def bool(x=False): pass

@native("types.str")
def str(obj=""): pass

@native("types.bytes")
def bytes(source=b""): pass

@native("types.bytearray")
def bytearray(source=b""): pass

@native("types.shorts")
def shorts(source=()): pass

@native("types.shortarray")
def shortarray(source=()): pass

@native("types.list")
def list(iterable=()): pass

@native("types.tuple")
def tuple(iterable=()): pass

@native("types.dict")
def dict(*args, **kwargs): pass

@native("types.set")
def set(iterable=()): pass

@native("types.frozenset")
def frozenset(iterable=()): pass

@native("types.range")
def range(*args): pass

@native("types.slice")
def slice(*args): pass

@native("types.type")
def type(obj): pass

@native("types.super")
def super(cls, obj): pass

@native("types.property")
def property(fget=None, fset=None): pass

@native("types.staticmethod")
def staticmethod(function): pass

@native("types.classmethod")
def classmethod(function): pass

# ---- values ----
@native("builtins.NotImplemented")
def NotImplemented(): pass

# ---- functions ----
@native("builtins.print")
def print(*args, sep=" ", end="\n"): pass

@native("builtins.len")
def len(obj): pass

@native("builtins.enumerate")
def enumerate(iterable, start=0): pass

@native("builtins.zip")
def zip(*iterables): pass

@native("builtins.reversed")
def reversed(seq): pass

@native("builtins.sorted")
def sorted(iterable, key=None, reverse=False): pass

@native("builtins.min")
def min(*args, key=None, default=None): pass

@native("builtins.max")
def max(*args, key=None, default=None): pass

@native("builtins.sum")
def sum(iterable, start=0): pass

@native("builtins.abs")
def abs(x): pass

@native("builtins.all")
def all(iterable): pass

@native("builtins.any")
def any(iterable): pass

@native("builtins.divmod")
def divmod(a, b): pass

@native("builtins.round")
def round(number, ndigits=None): pass

@native("builtins.pow")
def pow(base, exp, mod=None): pass

@native("builtins.repr")
def repr(obj): pass

@native("builtins.isinstance")
def isinstance(obj, classinfo): pass

@native("builtins.issubclass")
def issubclass(cls, classinfo): pass

@native("builtins.hash")
def hash(obj): pass

@native("builtins.id")
def id(obj): pass

@native("builtins.iter")
def iter(obj): pass

@native("builtins.next")
def next(iterator, *default): pass

@native("builtins.ord")
def ord(c): pass

@native("builtins.chr")
def chr(i): pass

@native("builtins.hex")
def hex(x): pass

@native("builtins.oct")
def oct(x): pass

@native("builtins.bin")
def bin(x): pass

@native("builtins.map")
def map(function, *iterables): pass

@native("builtins.filter")
def filter(function, iterable): pass

@native("builtins.callable")
def callable(obj): pass

@native("builtins.ascii")
def ascii(obj): pass

@native("builtins.format")
def format(value, format_spec=""): pass

# getattr/setattr/hasattr/delattr take a string literal as their second argument (the
# compiler checks it), so that every attribute name a program uses is known when linking.
@native("builtins.getattr")
def getattr(obj, name, *default): pass

@native("builtins.setattr")
def setattr(obj, name, value): pass

@native("builtins.hasattr")
def hasattr(obj, name): pass

@native("builtins.delattr")
def delattr(obj, name): pass

# ---- Zerynth ----
# sleep(t, time_unit=MILLIS): gives the GIL up for t (sleep(0) yields to threads of the same priority)
@native("builtins.sleep")
def sleep(duration, time_unit=None): pass

@native("builtins.random")
def random(*args): pass

# time units for sleep(), timers and pwm, Zerynth's codes (dev.zvm.vm.TimeUnits reads them)
NANOS = 0
MICROS = 1
MILLIS = 2
SECONDS = 3

# ---- the board (Zerynth's codes) ----
# Pin and peripheral names (D0.., A0.., LED0.., BTN0.., D3.PWM, SERIAL0, SPI0, I2C0) are not
# here: they come from the board definition, which the front end hands to the compiler.

# levels and edges
LOW = 0
HIGH = 1
HIGH_TO_LOW = 0
LOW_TO_HIGH = 1
FALLING_EDGE = 0
RISING_EDGE = 1
BOTH_EDGES = 2

# pin modes (INPUT_PULLNONE is INPUT, OUTPUT_PUSHPULL is OUTPUT; the virtual board raises
# UnsupportedError for OUTPUT_HIGHDRIVE and INPUT_ANALOG, which it does not model)
INPUT = 1
INPUT_PULLNONE = 1
INPUT_PULLUP = 2
INPUT_PULLDOWN = 3
OUTPUT = 4
OUTPUT_PUSHPULL = 4
OUTPUT_OPENDRAIN = 5
OUTPUT_HIGHDRIVE = 6
INPUT_ANALOG = 7

@native("builtins.pinMode")
def pinMode(pin, mode): pass

@native("builtins.digitalRead")
def digitalRead(pin): pass

@native("builtins.digitalWrite")
def digitalWrite(pin, value): pass

@native("builtins.pinToggle")
def pinToggle(pin): pass

# analogRead is adc.read; analogWrite is pwm.write (see adc.py and pwm.py)
@native("builtins.analogRead")
def analogRead(pin, samples=1): pass

@native("pwm._start")
def __pwm_start(pin, period, pulse, time_unit, npulses): pass

@native("pwm._wait_until")
def __pwm_wait_until(end): pass

def analogWrite(pin, period, pulse, time_unit=MILLIS, npulses=0):
    end = __pwm_start(pin, period, pulse, time_unit, npulses)
    if npulses > 0:
        __pwm_wait_until(end)

# ---- threads and interrupts (the VM's natives: dev.zvm.vm.ThreadNatives) ----
# Thread priorities, as Zerynth's; a higher one takes the GIL at the next safe point.
PRIO_IDLE = 0
PRIO_LOWEST = 1
PRIO_LOWER = 2
PRIO_LOW = 3
PRIO_NORMAL = 4
PRIO_HIGH = 5
PRIO_HIGHER = 6
PRIO_HIGHEST = 7

@native("threads.start")
def _thread_start(function, args, prio, size, daemon): pass

@native("threads.priority")
def _thread_priority(ident): pass

@native("threads.set_priority")
def _thread_set_priority(ident, prio): pass

@native("threads.status")
def _thread_status(ident): pass

@native("threads.join")
def _thread_join(ident, timeout): pass

# get_status() values
THREAD_INACTIVE = 0
THREAD_READY = 1
THREAD_RUNNING = 2
THREAD_WAITING = 3
THREAD_SUSPENDED = 4
THREAD_FINISHED = 5

class PThread:
    # A started thread, as thread() returns it; ident is the VM's number for it.
    def __init__(self, ident):
        self.ident = ident

    def get_priority(self):
        return _thread_priority(self.ident)

    def set_priority(self, prio):
        _thread_set_priority(self.ident, prio)

    def get_status(self):
        return _thread_status(self.ident)

    def is_alive(self):
        return _thread_status(self.ident) != THREAD_FINISHED

    def join(self, timeout=-1):
        # waits (timeout in ms, -1 for ever) until the thread ends; True if it has
        return _thread_join(self.ident, timeout)

def thread(function, *args, prio=PRIO_NORMAL, size=-1):
    # starts function(*args) in a new thread; an uncaught exception ends only that thread
    return PThread(_thread_start(function, args, prio, size, False))

@native("threads.on_pin")
def _on_pin(pin, function, debounce, time_unit, direction, args): pass

def onPinRise(pin, function, *args, debounce=0, time_unit=MILLIS):
    # function(*args) runs on the interrupt thread at each rising edge (function=None detaches)
    _on_pin(pin, function, debounce, time_unit, 1, args)

def onPinFall(pin, function, *args, debounce=0, time_unit=MILLIS):
    # function(*args) runs on the interrupt thread at each falling edge (function=None detaches)
    _on_pin(pin, function, debounce, time_unit, -1, args)
