# Pseudo-random numbers: CPython's generator (MT19937) and CPython's algorithms, so a program that
# calls seed(n) draws the numbers CPython draws after random.seed(n). Unseeded, the generator is
# seeded from the VM's clock when the program loads (the same numbers every run under a virtual
# clock). Zerynth's builtin random() is a separate generator.

@native("random.seed")
def seed(a=None): pass

@native("random.random")
def random(): pass

@native("random.getrandbits")
def getrandbits(k): pass

@native("random._randbelow")
def _randbelow(n): pass

def uniform(a, b):
    return a + (b - a) * random()

def randrange(start, stop=None, step=1):
    if stop is None:
        if step != 1:
            raise TypeError("Missing a non-None stop argument")
        if start > 0:
            return _randbelow(start)
        raise ValueError("empty range for randrange()")
    width = stop - start
    if step == 1:
        if width > 0:
            return start + _randbelow(width)
        raise ValueError("empty range for randrange() (%d, %d, %d)" % (start, stop, width))
    if step > 0:
        n = (width + step - 1) // step
    elif step < 0:
        n = (width + step + 1) // step
    else:
        raise ValueError("zero step for randrange()")
    if n <= 0:
        raise ValueError("empty range for randrange()")
    return start + step * _randbelow(n)

def randint(a, b):
    return randrange(a, b + 1)

def choice(seq):
    if not len(seq):
        raise IndexError("Cannot choose from an empty sequence")
    return seq[_randbelow(len(seq))]

def shuffle(x):
    i = len(x) - 1
    while i > 0:
        j = _randbelow(i + 1)
        x[i], x[j] = x[j], x[i]
        i -= 1
