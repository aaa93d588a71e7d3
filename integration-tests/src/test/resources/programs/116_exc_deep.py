# exceptions crossing deep call chains, with finally blocks at every level
trail = []


def level(n, fail_at):
    try:
        if n == fail_at:
            raise ValueError("failed at depth " + str(n))
        if n == 0:
            return "bottom"
        return level(n - 1, fail_at)
    finally:
        trail.append(n)


print(level(5, -1), trail)
trail = []
try:
    level(5, 2)
except ValueError as e:
    print(e, trail)


def recurse(n):
    if n == 0:
        raise KeyError("deep")
    return recurse(n - 1) + 1


try:
    recurse(300)
except KeyError:
    print("caught from 300 frames down")


def catch_midway(n, catch_at):
    if n == 0:
        raise IndexError("bottom")
    if n == catch_at:
        try:
            return catch_midway(n - 1, catch_at)
        except IndexError:
            return "handled at " + str(n)
    return catch_midway(n - 1, catch_at) + "<" + str(n)


print(catch_midway(8, 4))


class Resource:
    def __init__(self, name, log):
        self.name = name
        self.log = log
        log.append("open " + name)

    def close(self):
        self.log.append("close " + self.name)


def use(names, log):
    if not names:
        raise RuntimeError("no more names")
    r = Resource(names[0], log)
    try:
        use(names[1:], log)
    finally:
        r.close()


log = []
try:
    use(["a", "b", "c"], log)
except RuntimeError as e:
    log.append("caught: " + str(e))
print(log)


def method_chain():
    return Worker().step1()


class Worker:
    def step1(self):
        return self.step2() + 1

    def step2(self):
        return self.step3() * 2

    def step3(self):
        return {}["nope"]


try:
    method_chain()
except LookupError:
    print("caught from a method chain")
for depth in [10, 100, 400]:
    try:
        recurse(depth)
    except KeyError:
        print("depth", depth, "ok")
