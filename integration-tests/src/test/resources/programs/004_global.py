# global statement and module-level state shared by functions
counter = 0
log = []


def bump():
    global counter
    counter += 1
    return counter


def record(msg):
    log.append(msg)


def reset():
    global counter, log
    counter = 0
    log = []


def read_only():
    return counter * 10


def shadow():
    counter = 99
    return counter


def create_new_global():
    global created
    created = "made inside a function"


for i in range(5):
    bump()
print(counter)
record("a")
record("b")
print(log)
print(read_only())
print(shadow(), counter)
reset()
print(counter, log)
create_new_global()
print(created)
