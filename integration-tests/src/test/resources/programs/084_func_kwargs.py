# **kwargs in definitions and **mapping in calls


def opts(**kwargs):
    return kwargs


def mixed(a, b=2, *args, **kwargs):
    return a, b, args, kwargs


def report(title, **fields):
    parts = [title]
    for k in fields:
        parts.append(k + "=" + str(fields[k]))
    return " ".join(parts)


print(opts(), opts(x=1), opts(b=2, a=1))
print(mixed(1), mixed(1, 3), mixed(1, 3, 4, 5), mixed(1, k="v"), mixed(1, 2, 3, z=26, y=25))
print(report("cfg", debug=True, level=3, name="x"))
settings = {"debug": False, "level": 1}
print(report("from dict", **settings))
print(report(title="kw title", **settings))


def point(x, y, z=0):
    return (x, y, z)


print(point(**{"x": 1, "y": 2}), point(1, **{"y": 5, "z": 6}), point(*[1], **{"y": 2}))
args = (10,)
kw = {"z": 30, "y": 20}
print(point(*args, **kw))
print(opts(**{"a": 1}, b=2), opts(**{"a": 1}, **{"b": 2}))
try:
    point(1, **{"x": 2, "y": 3})
except TypeError:
    print("duplicate value via **mapping is a TypeError")
try:
    point(**{"x": 1, "y": 2, "w": 0})
except TypeError:
    print("unknown key via **mapping is a TypeError")
k = opts(one=1)
k["two"] = 2
print(k, opts(one=1))
print(dict(**{"p": 1}, q=2))
