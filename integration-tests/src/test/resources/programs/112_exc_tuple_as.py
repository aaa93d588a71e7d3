# except (A, B) as e, tuples held in variables, handler order with tuples


def trigger(kind):
    if kind == 0:
        return 1 // 0
    if kind == 1:
        return [][1]
    if kind == 2:
        return {}["missing"]
    if kind == 3:
        return int("nope")
    if kind == 4:
        raise TypeError("custom type error")
    return "ok"


for k in range(6):
    try:
        r = trigger(k)
        print(k, "returned", r)
    except (IndexError, KeyError) as e:
        print(k, "lookup problem", isinstance(e, LookupError), type(e) == KeyError)
    except (ZeroDivisionError, ValueError):
        print(k, "arith or value problem")
    except (TypeError,) as e:
        print(k, "single-element tuple:", e)
errors = (ValueError, TypeError)
try:
    raise TypeError("via variable tuple")
except errors as e:
    print("caught", e)
try:
    raise ZeroDivisionError("first match wins")
except (ArithmeticError, ZeroDivisionError) as e:
    print("caught", e)
try:
    raise KeyError("k")
except (LookupError, ValueError) as e:
    print("parent in tuple catches child:", isinstance(e, KeyError))
