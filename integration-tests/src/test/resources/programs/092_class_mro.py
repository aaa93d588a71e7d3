# multiple inheritance: the C3 method resolution order (diamonds and deeper lattices)


class A:
    def who(self):
        return "A"

    def only_a(self):
        return "only in A"

    def chain(self):
        return "A"


class B(A):
    def who(self):
        return "B"

    def chain(self):
        return "B>" + A.chain(self)


class C(A):
    def who(self):
        return "C"

    def c_only(self):
        return "C-only"

    def chain(self):
        return "C>" + A.chain(self)


class D(B, C):
    pass


class E(C, B):
    pass


class F(D):
    def who(self):
        return "F>" + D.who(self)


d = D()
print(d.who(), d.only_a(), d.c_only(), d.chain())
print(E().who(), E().chain(), F().who())


class X:
    def f(self):
        return "X.f"


class Y(A):
    def f(self):
        return "Y.f"


class Z(B, Y):
    pass


print(Z().f(), Z().who())


class Left(A):
    def name(self):
        return "Left"


class Right(A):
    def who(self):
        return "Right.who"

    def name(self):
        return "Right"


class Bottom(Left, Right):
    pass


b = Bottom()
print(b.who(), b.name())
print(isinstance(b, Left), isinstance(b, Right), isinstance(b, A), issubclass(Bottom, Right))


class K1:
    tag = "K1"


class K2:
    tag = "K2"

    def m(self):
        return "K2.m"


class K3(K1, K2):
    pass


print(K3.tag, K3().m())


class M1(A):
    pass


class M2(A):
    def only_a(self):
        return "M2 overrides only_a"


class M3(M1, M2):
    pass


print(M3().only_a())


class Mixin:
    def hello(self):
        return "hello from " + self.label()


class Thing:
    def label(self):
        return "Thing"


class MixedThing(Mixin, Thing):
    pass


print(MixedThing().hello())
