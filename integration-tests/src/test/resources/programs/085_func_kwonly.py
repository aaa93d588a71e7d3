# keyword-only parameters, with and without defaults, after *args and after a bare *


def connect(host, *, port=80, secure=False):
    return host + ":" + str(port) + (" (tls)" if secure else "")


def tagged(*items, sep, end="."):
    return sep.join(items) + end


def required_kw(a, *, b):
    return a + b


def everything(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)


print(connect("example"), connect("example", port=443, secure=True), connect("h", secure=True))
print(tagged("a", "b", sep="-"), tagged("x", sep="", end="!"), tagged(sep="+"))
print(required_kw(1, b=2))
print(everything(1, c=3))
print(everything(1, 5, 6, 7, c=3, e=9))
print(everything(1, c=3, d=0, f=1))
try:
    connect("h", 8080)
except TypeError:
    print("keyword-only passed positionally is a TypeError")
try:
    required_kw(1)
except TypeError:
    print("missing keyword-only is a TypeError")
try:
    tagged("a")
except TypeError:
    print("missing keyword-only after *args is a TypeError")
