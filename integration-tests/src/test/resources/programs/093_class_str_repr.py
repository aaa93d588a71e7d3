# __str__ and __repr__: print, str(), repr(), containers, %s/%r, format


class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "V(" + repr(self.x) + ", " + repr(self.y) + ")"

    def __str__(self):
        return "<" + str(self.x) + "," + str(self.y) + ">"


class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"


class OnlyStr:
    def __init__(self, tag):
        self.tag = tag

    def __str__(self):
        return "OnlyStr:" + self.tag


v = V(1, "a")
print(v)
print(str(v), repr(v))
print([v, V(2.5, None)])
print((v,), {"k": v}, {v.x: v})
print("%s and %r" % (v, v))
print("{} and {!r}".format(v, v))
o = OnlyRepr()
print(o, str(o), [o])
s = OnlyStr("t")
print(s, str(s), "%s" % s)
print(str(V(V(1, 2), [3])), repr(V(V(1, 2), [3])))
print("x" + str(v) + "y", len(repr(v)))
