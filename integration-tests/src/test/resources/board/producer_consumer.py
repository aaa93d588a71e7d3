# Producer/consumer through a bounded queue: the producer is faster, so it waits for room; the
# consumer gives up when nothing comes for 300 ms.
import queue
import timers

q = queue.Queue(3)

def producer():
    for i in range(8):
        q.put(i)
        print(timers.now(), "put", i, "size", q.qsize())
        sleep(20)
    print(timers.now(), "producer done")

def consumer():
    total = 0
    while True:
        try:
            item = q.get(timeout=300)
        except queue.QueueEmpty:
            print(timers.now(), "consumer: nothing for 300 ms, total", total)
            return
        total += item
        print(timers.now(), "got", item)
        sleep(70)

p = thread(producer)
c = thread(consumer, prio=PRIO_HIGH)
p.join()
c.join()
print("both done at", timers.now())
