# getattr / setattr / hasattr with literal names, class vs instance attributes


class Config:
    debug = False
    level = 1

    def __init__(self):
        self.name = "cfg"

    def describe(self):
        return self.name + ":" + str(self.level)


c = Config()
print(getattr(c, "name"), getattr(c, "debug"), getattr(c, "missing", "default"), getattr(Config, "level"))
setattr(c, "level", 5)
setattr(c, "extra", [1, 2])
print(c.level, Config.level, c.extra, c.describe())
print(hasattr(c, "name"), hasattr(c, "extra"), hasattr(c, "nope"), hasattr(Config, "describe"), hasattr(Config, "name"))
m = getattr(c, "describe")
print(m())
setattr(Config, "debug", True)
print(c.debug, Config().debug)
try:
    getattr(c, "missing")
except AttributeError:
    print("getattr without a default raises AttributeError")
print(hasattr("text", "upper"), getattr("text", "upper")(), hasattr([], "append"), hasattr(5, "append"))
c2 = Config()
c2.level = 99
print(c2.level, Config.level, c.level)


class Node:
    def __init__(self, value):
        self.value = value
        self.next = None


head = Node(1)
head.next = Node(2)
head.next.next = Node(3)
node = head
out = []
while node is not None:
    out.append(node.value)
    node = node.next
print(out)
head.next.value *= 10
print(head.next.value, getattr(head.next, "value"))


class Shared:
    log = []

    def add(self, x):
        self.log.append(x)


s1 = Shared()
s2 = Shared()
s1.add(1)
s2.add(2)
print(Shared.log, s1.log is s2.log)
s1.log = ["own"]
print(s1.log, s2.log, Shared.log)
