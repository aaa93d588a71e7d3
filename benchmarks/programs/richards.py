"""Objects and method calls: Martin Richards' operating-system simulation, written for zvm.

Six tasks (idle, worker, two handlers, two devices) pass packets through a small scheduler.
Each task kind is a class with a run(packet) method; the scheduler calls it through the task
record, so the loop is method dispatch, attribute access and short linked lists. The counts of
queued packets and of holds are the benchmark's classic self-check: 23246 and 9297 for 10000
idle steps.
"""
import harness

ID_IDLE = 1
ID_WORK = 2
ID_HANDLER_A = 3
ID_HANDLER_B = 4
ID_DEVICE_A = 5
ID_DEVICE_B = 6

KIND_DEVICE = 0
KIND_WORK = 1

BUFFER_LAST = 3

HAS_PACKET = 1
WAITING = 2
HOLDING = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0, 0, 0, 0]

    def append_to(self, queue):
        """Puts this packet at the end of queue; returns the new head."""
        self.link = None
        if queue is None:
            return self
        last = queue
        while last.link is not None:
            last = last.link
        last.link = self
        return queue


class Task:
    def __init__(self, system, ident, priority, queue, state):
        self.system = system
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.state = state
        self.link = system.tasks
        system.tasks = self
        system.table[ident] = self

    def runnable(self):
        return (self.state & HOLDING) == 0 and self.state != WAITING

    def take_packet(self):
        packet = self.queue
        self.queue = packet.link
        if self.queue is None:
            self.state = 0
        else:
            self.state = HAS_PACKET
        return packet

    def wait(self):
        self.state = self.state | WAITING
        return self

    def hold(self):
        self.system.holds += 1
        self.state = self.state | HOLDING
        return self.link

    def release(self, ident):
        task = self.system.table[ident]
        task.state = task.state & ~HOLDING
        if task.priority > self.priority:
            return task
        return self

    def send(self, packet):
        """Queues packet for the task it names, stamped with this task as the sender."""
        target = self.system.table[packet.ident]
        self.system.sends += 1
        packet.link = None
        packet.ident = self.ident
        if target.queue is None:
            target.queue = packet
            target.state = target.state | HAS_PACKET
            if target.priority > self.priority:
                return target
        else:
            target.queue = packet.append_to(target.queue)
        return self


class IdleTask(Task):
    def __init__(self, system, count):
        Task.__init__(self, system, ID_IDLE, 0, None, 0)
        self.seed = 1
        self.count = count

    def run(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.hold()
        if (self.seed & 1) == 0:
            self.seed = self.seed >> 1
            return self.release(ID_DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return self.release(ID_DEVICE_B)


class WorkTask(Task):
    def __init__(self, system, queue):
        Task.__init__(self, system, ID_WORK, 1000, queue, HAS_PACKET | WAITING)
        self.destination = ID_HANDLER_A
        self.letter = 0

    def run(self, packet):
        if packet is None:
            return self.wait()
        self.destination = ID_HANDLER_A + ID_HANDLER_B - self.destination
        packet.ident = self.destination
        packet.datum = 0
        i = 0
        while i <= BUFFER_LAST:
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            packet.data[i] = self.letter
            i += 1
        return self.send(packet)


class HandlerTask(Task):
    def __init__(self, system, ident, priority, queue):
        Task.__init__(self, system, ident, priority, queue, HAS_PACKET | WAITING)
        self.work = None
        self.devices = None

    def run(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        if self.work is not None:
            work = self.work
            index = work.datum
            if index > BUFFER_LAST:
                self.work = work.link
                return self.send(work)
            if self.devices is not None:
                device = self.devices
                self.devices = device.link
                device.datum = work.data[index]
                work.datum = index + 1
                return self.send(device)
        return self.wait()


class DeviceTask(Task):
    def __init__(self, system, ident, priority):
        Task.__init__(self, system, ident, priority, None, WAITING)
        self.pending = None

    def run(self, packet):
        if packet is None:
            if self.pending is None:
                return self.wait()
            packet = self.pending
            self.pending = None
            return self.send(packet)
        self.pending = packet
        return self.hold()


class System:
    def __init__(self):
        self.tasks = None
        self.table = [None] * 7
        self.sends = 0
        self.holds = 0

    def schedule(self):
        task = self.tasks
        while task is not None:
            if task.runnable():
                packet = None
                if task.state == HAS_PACKET | WAITING:
                    packet = task.take_packet()
                task = task.run(packet)
            else:
                task = task.link


def run(count):
    system = System()
    IdleTask(system, count)
    queue = Packet(None, 0, KIND_WORK)
    queue = Packet(queue, 0, KIND_WORK)
    WorkTask(system, queue)
    queue = Packet(None, ID_DEVICE_A, KIND_DEVICE)
    queue = Packet(queue, ID_DEVICE_A, KIND_DEVICE)
    queue = Packet(queue, ID_DEVICE_A, KIND_DEVICE)
    HandlerTask(system, ID_HANDLER_A, 2000, queue)
    queue = Packet(None, ID_DEVICE_B, KIND_DEVICE)
    queue = Packet(queue, ID_DEVICE_B, KIND_DEVICE)
    queue = Packet(queue, ID_DEVICE_B, KIND_DEVICE)
    HandlerTask(system, ID_HANDLER_B, 3000, queue)
    DeviceTask(system, ID_DEVICE_A, 4000)
    DeviceTask(system, ID_DEVICE_B, 5000)
    system.schedule()
    return (system.sends, system.holds)


# (sends, holds) for the workloads below and the classic 10000.
EXPECTED = {100: (239, 95), 1000: (2322, 928), 10000: (23246, 9297), 100000: (232625, 93050)}


def check(count, result):
    if count in EXPECTED:
        if result != EXPECTED[count]:
            return "sends/holds %r, expected %r" % (result, EXPECTED[count])
    elif result[0] <= 0 or result[1] <= 0:
        return "nothing ran: %r" % (result,)
    return None


harness.bench("richards", {"tiny": 100, "small": 1000, "default": 100000}, run, check)
