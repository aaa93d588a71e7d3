# isinstance, issubclass, type: builtin types and user classes


class A:
    pass


class B(A):
    pass


values = [1, 1.5, "s", b"b", bytearray(), [1], (1,), {1: 2}, {1}, frozenset(), None, True, range(1), A(), B()]
for v in values:
    print(isinstance(v, int), isinstance(v, float), isinstance(v, str), isinstance(v, (list, tuple)),
          isinstance(v, dict), isinstance(v, A), isinstance(v, B), isinstance(v, (set, frozenset)))
print(type(1) == int, type(1) is int, type(True) == int, type(True) == bool, type(1.0) == float, type("") == str)
print(type([]) == list, type(()) == tuple, type({}) == dict, type(set()) == set, type(b"") == bytes, type(None) == type(None))
print(type(A()) == A, type(B()) == A, type(B()) == B, type(A()) is A)
print(issubclass(bool, int), issubclass(int, bool), issubclass(B, A), issubclass(A, B), issubclass(A, A), issubclass(B, (int, A)))
print(isinstance(5, (str, int, float)), isinstance("5", (int, float)))
print(type(1) == type(2), type(1) == type(1.0), type("a") == type("b"), type(A()) == type(A()))
print(int == int, int != float, list is list)
