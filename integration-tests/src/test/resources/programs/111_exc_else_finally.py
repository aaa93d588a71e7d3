# try / except / else / finally: which blocks run, in which order


def run(action):
    log = []
    try:
        log.append("try")
        if action == "value":
            raise ValueError("v")
        if action == "type":
            raise TypeError("t")
        log.append("try-end")
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log


print(run("none"))
print(run("value"))
try:
    run("type")
except TypeError:
    print("TypeError escaped after finally ran")


def try_finally_only(x):
    out = []
    try:
        out.append("body")
        if x:
            raise KeyError("k")
    finally:
        out.append("cleanup")
        print(out)


try_finally_only(False)
try:
    try_finally_only(True)
except KeyError:
    print("KeyError propagated")


def else_raises():
    try:
        pass
    except ValueError:
        print("not here")
    else:
        raise IndexError("from else")
    finally:
        print("finally after else raised")


try:
    else_raises()
except IndexError as e:
    print("caught", e)
for i in range(3):
    try:
        if i == 1:
            raise ValueError(i)
    except ValueError as e:
        print("loop except", e)
    else:
        print("loop else", i)
    finally:
        print("loop finally", i)
