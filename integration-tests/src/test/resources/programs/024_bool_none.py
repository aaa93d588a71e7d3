# truthiness of every basic value, bool as int, None, not/is
things = [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (None,), {}, {"k": 0}, set(), None, True, False,
          b"", b"\x00", bytearray(), range(0), range(1), frozenset()]
for t in things:
    print(repr(t), bool(t), not t)
print(True == 1, False == 0, True is True, None is None, None == False, True + True)
print(isinstance(True, int), isinstance(1, bool), bool(), bool("False"))
x = None
print(x is None, x is not None, x == None, not x)
if not []:
    print("empty list is falsy")
if [0]:
    print("non-empty list is truthy")
print(int(True) + int(False), str(True), repr(False), str(None), [True, None])
print(True and "yes", False and "yes", True or "x", False or "x", None or 0 or "" or "last")
print(1 < 2 == True, (1 < 2) == True, not 1 == 2, not (1 == 2))
d = {True: "t", 0: "zero"}
d[1] = "one"
d[False] = "false"
print(d)
