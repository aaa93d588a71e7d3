# threading: Zerynth's threads, locks, semaphores, events and conditions.
#
# Timeouts are in milliseconds (an int or a float); -1 (any negative, or None) waits for ever.
# A lock, semaphore, event or condition keeps its state in a list the VM's natives manage
# ([count, waiting thread ids...], dev.zvm.vm.ThreadNatives): a wait gives the GIL up, and a
# release hands its unit straight to the first waiter, by priority, then arrival.

@native("threads.acquire")
def _acquire(state, blocking, timeout): pass

@native("threads.release")
def _release(state, cap): pass

@native("threads.event_wait")
def _event_wait(state, timeout): pass

@native("threads.event_set")
def _event_set(state): pass

@native("threads.cond_wait")
def _cond_wait(lock_state, state, timeout): pass

@native("threads.notify")
def _notify(state, n): pass

@native("threads.current")
def _current(): pass

@native("threads.start")
def _start(function, args, prio, size, daemon): pass

@native("threads.status")
def _status(ident): pass

@native("threads.join")
def _join(ident, timeout): pass

@native("timers.now")
def _now(): pass


def _looper(function, *args):
    while True:
        function(*args)

def run_forever(function, *args):
    # a thread calling function(*args) again and again
    return thread(_looper, function, *args)

def get_ident():
    # the running thread's ident
    return _current()


class Thread:
    # Thread(target=None, name=None, args=(), daemon=False): run() calls target(*args) in a new
    # thread once start() is called. An exception that leaves run() is kept in .exc and printed.
    def __init__(self, target=None, name=None, args=(), daemon=False):
        self.target = target
        self.name = name
        self.args = args
        self.daemon = daemon
        self.ident = None
        self.exc = None

    def start(self, prio=PRIO_NORMAL, size=512):
        if self.ident is not None:
            raise RuntimeError("threads can only be started once")
        self.ident = _start(self._bootstrap, (), prio, size, self.daemon)
        if self.name is None:
            self.name = "Thread-" + str(self.ident)

    def _bootstrap(self):
        try:
            self.run()
        except Exception as e:
            self.exc = e
            raise

    def run(self):
        if self.target is not None:
            self.target(*self.args)

    def join(self, timeout=-1):
        # waits until the thread ends, or for timeout ms; is_alive() tells which
        if self.ident is None:
            raise RuntimeError("cannot join thread before it is started")
        _join(self.ident, timeout)

    def is_alive(self):
        return self.ident is not None and _status(self.ident) != THREAD_FINISHED

    def __str__(self):
        return str(self.name)


class Lock:
    # unlocked when made; release() may come from any thread (a binary semaphore, as Zerynth's)
    def __init__(self):
        self._state = [1]

    def acquire(self, blocking=True, timeout=-1):
        return _acquire(self._state, blocking, timeout)

    def release(self):
        _release(self._state, 1)

    def locked(self):
        return self._state[0] == 0

    def __enter__(self):
        _acquire(self._state, True, -1)
        return self

    def __exit__(self, exc_type, exc, tb):
        _release(self._state, 1)
        return False


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._state = [value]

    def acquire(self, blocking=True, timeout=-1):
        return _acquire(self._state, blocking, timeout)

    def release(self):
        _release(self._state, 0)

    def __enter__(self):
        _acquire(self._state, True, -1)
        return self

    def __exit__(self, exc_type, exc, tb):
        _release(self._state, 0)
        return False


class Event:
    # a flag, clear when made: wait() returns at once while it is set
    def __init__(self):
        self._state = [0]

    def set(self):
        _event_set(self._state)

    def clear(self):
        self._state[0] = 0

    def is_set(self):
        return self._state[0] != 0

    def wait(self, timeout=-1):
        # True once the flag is set, False if timeout ms passed first
        return _event_wait(self._state, timeout)


class Condition:
    # a condition variable on a Lock (a new one unless given); wait() and notify() need it held
    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        self._waiters = [0]

    def acquire(self, blocking=True, timeout=-1):
        return self._lock.acquire(blocking, timeout)

    def release(self):
        self._lock.release()

    def __enter__(self):
        self._lock.acquire()
        return self

    def __exit__(self, exc_type, exc, tb):
        self._lock.release()
        return False

    def _check_owned(self, what):
        if self._lock.acquire(False):
            self._lock.release()
            raise RuntimeError("cannot " + what + " on un-acquired lock")

    def wait(self, timeout=-1):
        # releases the lock, waits for notify() (or timeout ms), re-acquires; False on timeout
        self._check_owned("wait")
        notified = _cond_wait(self._lock._state, self._waiters, timeout)
        self._lock.acquire()
        return notified

    def wait_for(self, predicate, timeout=-1):
        result = predicate()
        if timeout is None or timeout < 0:
            while not result:
                self.wait()
                result = predicate()
            return result
        end = _now() + timeout
        while not result:
            left = end - _now()
            if left <= 0:
                break
            self.wait(left)
            result = predicate()
        return result

    def notify(self, n=1):
        self._check_owned("notify")
        _notify(self._waiters, n)

    def notify_all(self):
        self._check_owned("notify")
        _notify(self._waiters, -1)
