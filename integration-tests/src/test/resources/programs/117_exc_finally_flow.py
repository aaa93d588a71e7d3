# finally with return, break and continue; return values overridden by finally


def ret_in_try():
    try:
        return "from try"
    finally:
        print("finally runs before the return completes")


def finally_overrides():
    try:
        return "try value"
    finally:
        return "finally value"


def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"


def ret_in_except():
    try:
        raise KeyError("k")
    except KeyError:
        return "from except"
    finally:
        print("finally after except return")


def value_captured():
    x = 1
    try:
        return x
    finally:
        x = 2


print(ret_in_try())
print(finally_overrides())
print(finally_swallows())
print(ret_in_except())
print(value_captured())
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
print("after loop")
n = 0
while True:
    n += 1
    try:
        if n < 3:
            continue
        break
    finally:
        print("while finally", n)
print("n =", n)
for i in range(3):
    try:
        raise ValueError(i)
    except ValueError:
        continue
    finally:
        print("cleanup", i)
for i in range(3):
    try:
        raise ValueError("broken out")
    finally:
        break
print("break in finally discarded the exception, i =", i)
for i in range(2):
    try:
        raise KeyError("k")
    finally:
        continue
print("continue in finally discarded the exception")


def nested_finally():
    out = []
    try:
        try:
            return out
        finally:
            out.append("inner")
    finally:
        out.append("outer")


print(nested_finally())


def loop_return():
    for i in range(10):
        try:
            if i == 2:
                return i
        finally:
            print("loop_return finally", i)


print(loop_return())
