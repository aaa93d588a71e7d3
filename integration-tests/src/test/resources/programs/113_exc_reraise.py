# bare raise re-raises the exception being handled; raise e; raising inside handlers


def inner():
    raise ValueError("original")


def middle():
    try:
        inner()
    except ValueError:
        print("middle saw it, re-raising")
        raise


try:
    middle()
except ValueError as e:
    print("outer got:", e)


def convert():
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("converted")


try:
    convert()
except RuntimeError as e:
    print("converted:", e)


def reraise_var():
    try:
        raise IndexError("kept")
    except IndexError as e:
        saved = e
    print("handler finished")
    raise saved


try:
    reraise_var()
except IndexError as e:
    print("raise saved instance:", e)


def reraise_after_finally():
    try:
        try:
            raise TypeError("through finally")
        finally:
            print("inner finally")
    except TypeError:
        print("handler re-raises")
        raise


try:
    reraise_after_finally()
except TypeError as e:
    print("top:", e)


def nested_handlers():
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise KeyError("second")
        except KeyError:
            print("inner handler done")
        raise


try:
    nested_handlers()
except ValueError as e:
    print("bare raise after a nested handler re-raises the outer one:", e)
except KeyError:
    print("wrong exception")
