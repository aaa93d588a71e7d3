# timers: milliseconds since the start, and Zerynth's software timers.
#
# A timer's callback runs on the interrupt thread (above every other thread), as fn(arg) when an
# arg was given and fn() otherwise. interval() callbacks come every period, on the VM's clock,
# without drift. A timer also measures time: start(), get() and reset() in milliseconds.

@native("timers.now")
def now(): pass

@native("timers._arm")
def _arm(handle, ms, periodic, fn, args): pass

@native("timers._disarm")
def _disarm(handle): pass


class _NoArg:
    pass


class timer:
    def __init__(self):
        self._handle = -1
        self._start = now()
        self._destroyed = False

    def one_shot(self, delay, fn, arg=_NoArg):
        # fn runs once, delay ms from now
        self._set(delay, False, fn, arg)

    def interval(self, period, fn, arg=_NoArg):
        # fn runs every period ms, the first time period ms from now
        self._set(period, True, fn, arg)

    def _set(self, ms, periodic, fn, arg):
        if self._destroyed:
            raise RuntimeError("the timer was destroyed")
        if fn is None or ms < 0:
            self.clear()
            return
        if arg is _NoArg:
            args = ()
        else:
            args = (arg,)
        self._handle = _arm(self._handle, ms, periodic, fn, args)

    def clear(self):
        # stops the timer; callbacks already due are dropped
        _disarm(self._handle)
        self._handle = -1

    def destroy(self):
        self.clear()
        self._destroyed = True

    def start(self):
        self._start = now()

    def reset(self):
        # the ms since start() or the last reset(), then starts counting again
        t = now()
        elapsed = t - self._start
        self._start = t
        return elapsed

    def get(self):
        # the ms since start() or the last reset()
        return now() - self._start
