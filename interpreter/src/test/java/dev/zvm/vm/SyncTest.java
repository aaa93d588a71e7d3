package dev.zvm.vm;

import static dev.zvm.vm.ThreadsTest.assertOut;
import static dev.zvm.vm.ThreadsTest.run;
import static dev.zvm.vm.ThreadsTest.virtual;

import org.junit.jupiter.api.Test;

/**
 * {@code threading} (Lock, Semaphore, Event, Condition, Thread) and {@code queue.Queue}, with and
 * without timeouts, under virtual time: every wait gives the GIL up and ends at an exact time.
 */
class SyncTest {
  @Test
  void lockWithAndWithoutTimeout() {
    String src = String.join("\n",
        "import threading, timers",
        "l = threading.Lock()",
        "def holder():",
        "    l.acquire()",
        "    print('holder has it', timers.now())",
        "    sleep(30)",
        "    l.release()",
        "    print('holder released', timers.now())",
        "thread(holder, prio=PRIO_HIGH)",
        "print(l.locked(), l.acquire(False), l.acquire(timeout=10), timers.now())",
        "print(l.acquire(), timers.now())",
        "l.release()",
        "print(l.locked(), l.acquire(timeout=0))",
        "l.release()",
        "l.release()",
        "print(l.acquire(False), l.acquire(False))",
        "");
    assertOut("holder has it 0\nTrue False False 10\nholder released 30\nTrue 30\nFalse True\nTrue False\n",
        run(src, virtual()));
  }

  @Test
  void aReleaseHandsTheLockToTheHighestPriorityWaiterFirst() {
    String src = String.join("\n",
        "import threading",
        "l = threading.Lock()",
        "l.acquire()",
        "def waiter(name):",
        "    l.acquire()",
        "    print(name)",
        "    l.release()",
        "thread(waiter, 'low', prio=PRIO_LOW)",
        "thread(waiter, 'high', prio=PRIO_HIGH)",
        "thread(waiter, 'normal')",
        "sleep(5)",
        "l.release()",
        "sleep(5)",
        "");
    assertOut("high\nnormal\nlow\n", run(src, virtual()));
  }

  @Test
  void semaphoreCountsUnits() {
    String src = String.join("\n",
        "import threading",
        "s = threading.Semaphore(2)",
        "s.acquire()",
        "print(s.acquire(False), s.acquire(False))",
        "s.release()",
        "s.release()",
        "print(s.acquire(False), s.acquire(False), s.acquire(False))",
        "");
    assertOut("True False\nTrue True False\n", run(src, virtual()));
  }

  @Test
  void semaphoreCountsAndWakesWaitersInTurn() {
    String src = String.join("\n",
        "import threading, timers",
        "s = threading.Semaphore(0)",
        "def consumer(name):",
        "    while s.acquire(timeout=100):",
        "        print(name, timers.now())",
        "    print(name, 'timed out', timers.now())",
        "thread(consumer, 'a')",
        "thread(consumer, 'b')",
        "for i in range(3):",
        "    sleep(10)",
        "    s.release()",
        "try:",
        "    threading.Semaphore(-1)",
        "except ValueError as e:",
        "    print(e)",
        "");
    // At 30 main releases (a is granted) and goes on to its end before a, of its priority, runs.
    assertOut("a 10\nb 20\nsemaphore initial value must be >= 0\na 30\nb timed out 120\na timed out 130\n",
        run(src, virtual()));
  }

  @Test
  void eventWaitSetClearWithTimeouts() {
    String src = String.join("\n",
        "import threading, timers",
        "e = threading.Event()",
        "def waiter(name, t):",
        "    print(name, e.wait(t), timers.now())",
        "thread(waiter, 'a', -1)",
        "thread(waiter, 'b', 20)",
        "thread(waiter, 'c', 100)",
        "sleep(50)",
        "print(e.is_set())",
        "e.set()",
        "sleep(1)",
        "print(e.is_set(), e.wait(), e.wait(0))",
        "e.clear()",
        "print(e.is_set(), e.wait(0), e.wait(5), timers.now())",
        "");
    assertOut("b False 20\nFalse\na True 50\nc True 50\nTrue True True\nFalse False False 56\n",
        run(src, virtual()));
  }

  @Test
  void conditionNotifyAndTimeouts() {
    String src = String.join("\n",
        "import threading, timers",
        "c = threading.Condition()",
        "items = []",
        "def consumer(name):",
        "    c.acquire()",
        "    while not items:",
        "        if not c.wait(200):",
        "            print(name, 'timed out', timers.now())",
        "            c.release()",
        "            return",
        "    print(name, 'got', items.pop(0), timers.now())",
        "    c.release()",
        "for n in ['a', 'b', 'c']:",
        "    thread(consumer, n)",
        "sleep(10)",
        "c.acquire()",
        "items.append(1)",
        "c.notify()",
        "c.release()",
        "sleep(10)",
        "c.acquire()",
        "items.append(2)",
        "items.append(3)",
        "c.notify_all()",
        "c.release()",
        "sleep(10)",
        "try:",
        "    c.notify()",
        "except RuntimeError as e:",
        "    print(e)",
        "try:",
        "    c.wait()",
        "except RuntimeError as e:",
        "    print(e)",
        "def drained():",
        "    return len(items) == 0",
        "def never():",
        "    return False",
        "c.acquire()",
        "print(c.wait_for(drained, 5), c.wait_for(never, 7), timers.now())",
        "c.release()",
        "");
    assertOut("a got 1 10\nb got 2 20\nc got 3 20\ncannot notify on un-acquired lock\n"
        + "cannot wait on un-acquired lock\nTrue False 37\n", run(src, virtual()));
  }

  @Test
  void conditionWaitTimesOutAndReacquires() {
    String src = String.join("\n",
        "import threading, timers",
        "lock = threading.Lock()",
        "c = threading.Condition(lock)",
        "c.acquire()",
        "print(c.wait(15), lock.locked(), timers.now())",
        "c.release()",
        "print(lock.locked())",
        "");
    assertOut("False True 15\nFalse\n", run(src, virtual()));
  }

  @Test
  void queueProducerConsumerWithBoundAndTimeouts() {
    String src = String.join("\n",
        "import queue, timers",
        "q = queue.Queue(2)",
        "def producer():",
        "    for i in range(5):",
        "        q.put(i)",
        "        print('put', i, timers.now())",
        "def consumer():",
        "    while True:",
        "        try:",
        "            x = q.get(timeout=50)",
        "        except queue.QueueEmpty:",
        "            print('empty at', timers.now())",
        "            return",
        "        print('got', x, timers.now())",
        "        sleep(10)",
        "thread(producer)",
        "c = thread(consumer)",
        "c.join()",
        "print(q.empty(), q.qsize(), q.full())",
        "q.put('a')",
        "q.put('b')",
        "print(q.full(), q.peek())",
        "try:",
        "    q.put('c', block=False)",
        "except queue.QueueFull:",
        "    print('full')",
        "try:",
        "    q.put('c', timeout=30)",
        "except queue.QueueFull:",
        "    print('still full', timers.now())",
        "q.clear()",
        "print(q.empty())",
        "try:",
        "    q.get(0)",
        "except queue.QueueEmpty:",
        "    print('empty')",
        "");
    assertOut("put 0 0\nput 1 0\ngot 0 0\nput 2 0\ngot 1 10\nput 3 10\ngot 2 20\nput 4 20\ngot 3 30\n"
        + "got 4 40\nempty at 100\nTrue 0 False\nTrue a\nfull\nstill full 130\nTrue\nempty\n",
        run(src, virtual()));
  }

  @Test
  void threadingThreadKeepsItsExceptionAndJoins() {
    String src = String.join("\n",
        "import threading, timers",
        "def work(n):",
        "    sleep(n)",
        "    if n > 10:",
        "        raise ValueError('too slow')",
        "a = threading.Thread(target=work, args=(5,))",
        "b = threading.Thread(target=work, args=(20,), name='bee')",
        "print(a.is_alive())",
        "a.start()",
        "b.start(PRIO_HIGH)",
        "print(a.is_alive(), str(b))",
        "a.join()",
        "print(timers.now(), a.is_alive(), a.exc)",
        "b.join(5)",
        "print(timers.now(), b.is_alive())",
        "b.join()",
        "print(timers.now(), b.is_alive(), repr(b.exc))",
        "try:",
        "    a.start()",
        "except RuntimeError as e:",
        "    print(e)",
        "r = threading.run_forever(sleep, 1000)",
        "r.set_priority(PRIO_LOW)",
        "print(r.is_alive())",
        "");
    ThreadsTest.Out o = run(src, virtual(), java.time.Duration.ofMillis(100));
    assertOut("False\nTrue bee\n5 False None\n10 True\n20 False ValueError('too slow')\n"
        + "threads can only be started once\nTrue\n", o);
  }
}
