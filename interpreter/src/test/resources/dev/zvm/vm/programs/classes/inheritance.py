# single and multiple inheritance, C3 MRO, super(Class, self), class attributes, isinstance
class A:
    tag = "A"
    def who(self):
        return "A"
    def hello(self):
        return "hello from " + self.who()
class B(A):
    def who(self):
        return "B>" + super(B, self).who()
class C(A):
    tag = "C"
    def who(self):
        return "C>" + super(C, self).who()
class D(B, C):
    def who(self):
        return "D>" + super(D, self).who()
d = D()
print(d.who(), d.hello(), d.tag, D.tag, [k.__name__ for k in D.__mro__])
print(isinstance(d, A), isinstance(d, C), issubclass(D, B), issubclass(A, D), type(d) is D, type(d).__name__)
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count
c1 = Counter()
c2 = Counter()
print(Counter.count, c1.id, c2.id, c1.count)
class Base:
    def __init__(self, name):
        self.name = name
class Child(Base):
    def __init__(self, name, age):
        Base.__init__(self, name)
        self.age = age
ch = Child("kid", 3)
print(ch.name, ch.age)
class P:
    def get_x(self):
        return self._x * 2
    def set_x(self, v):
        self._x = v
    x = property(get_x, set_x)
    def helper():
        return "static"
    helper = staticmethod(helper)
    def make(cls):
        return cls.__name__
    make = classmethod(make)
p = P()
p.x = 21
print(p.x, P.helper(), p.helper(), P.make(), p.make())
class X:
    pass
class Y:
    pass
try:
    class Z(X, Y, X):
        pass
    print(Z)
except TypeError as e:
    print("TypeError:", e)
print(X().__class__.__name__, Counter.__name__)

# expect: D>B>C>A hello from D>B>C>A C C ['D', 'B', 'C', 'A', 'object']
# expect: True True True False True D
# expect: 2 1 2 2
# expect: kid 3
# expect: 42 static static P P
# expect: TypeError: duplicate base class X
# expect: X Counter
