# queue: a FIFO for threads (Zerynth's), on a threading.Lock and two Conditions.
# Timeouts are in milliseconds; -1 waits for ever, 0 not at all.

import threading

new_exception(QueueFull, Exception, "Queue is full")
new_exception(QueueEmpty, Exception, "Queue is empty")

@native("timers.now")
def _now(): pass


class Queue:
    # Queue(maxsize=0): at most maxsize items (no bound when <= 0)
    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._items = []
        self._mutex = threading.Lock()
        self._not_empty = threading.Condition(self._mutex)
        self._not_full = threading.Condition(self._mutex)

    def qsize(self):
        return len(self._items)

    def empty(self):
        return len(self._items) == 0

    def full(self):
        return self.maxsize > 0 and len(self._items) >= self.maxsize

    def put(self, obj, block=True, timeout=-1):
        # appends obj; when full, waits for room (or raises QueueFull: not block, or timeout ms)
        self._not_full.acquire()
        try:
            if self.maxsize > 0 and len(self._items) >= self.maxsize:
                if not block or timeout == 0:
                    raise QueueFull
                if timeout is None or timeout < 0:
                    while len(self._items) >= self.maxsize:
                        self._not_full.wait()
                else:
                    end = _now() + timeout
                    while len(self._items) >= self.maxsize:
                        left = end - _now()
                        if left <= 0:
                            raise QueueFull
                        self._not_full.wait(left)
            self._items.append(obj)
            self._not_empty.notify()
        finally:
            self._not_full.release()

    def get(self, timeout=-1, block=True):
        # removes and returns the oldest item; when empty, waits (or raises QueueEmpty: not block, or timeout ms)
        self._not_empty.acquire()
        try:
            if len(self._items) == 0:
                if not block or timeout == 0:
                    raise QueueEmpty
                if timeout is None or timeout < 0:
                    while len(self._items) == 0:
                        self._not_empty.wait()
                else:
                    end = _now() + timeout
                    while len(self._items) == 0:
                        left = end - _now()
                        if left <= 0:
                            raise QueueEmpty
                        self._not_empty.wait(left)
            obj = self._items.pop(0)
            self._not_full.notify()
            return obj
        finally:
            self._not_empty.release()

    def peek(self):
        # the oldest item, left in the queue; waits while the queue is empty
        self._not_empty.acquire()
        try:
            while len(self._items) == 0:
                self._not_empty.wait()
            return self._items[0]
        finally:
            self._not_empty.release()

    def clear(self):
        self._mutex.acquire()
        try:
            self._items = []
            self._not_full.notify_all()
        finally:
            self._mutex.release()
