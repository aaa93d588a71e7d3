# the del statement: names, list items and slices, dict keys, attributes
x = 10
y = [x]
del x
try:
    print(x)
except NameError:
    print("x is gone after del")
print(y)
lst = list(range(10))
del lst[0]
del lst[-1]
del lst[2:4]
del lst[::2]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)


class Obj:
    def __init__(self):
        self.a = 1
        self.b = 2


o = Obj()
del o.a
print(hasattr(o, "a"), hasattr(o, "b"))
try:
    del o.a
except AttributeError:
    print("del of a missing attribute raises AttributeError")
a, b = 1, 2
del a, b
m = [[1, 2], [3, 4]]
del m[0][1], m[1]
print(m)


def local_del():
    v = "temp"
    del v
    v = "again"
    return v


print(local_del())
