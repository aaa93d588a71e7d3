# the builtin exception hierarchy: catching by parent class, issubclass between builtins
pairs = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError), (IndexError, LookupError),
    (KeyError, LookupError), (UnicodeError, ValueError), (NotImplementedError, RuntimeError),
    (RecursionError, RuntimeError), (ValueError, Exception), (TypeError, Exception),
    (StopIteration, Exception), (Exception, BaseException), (KeyError, IndexError),
    (ValueError, TypeError), (LookupError, KeyError), (MemoryError, Exception), (AttributeError, Exception),
]
for child, parent in pairs:
    print(issubclass(child, parent), end=" ")
print()


def raise_it(i):
    if i == 0:
        raise ZeroDivisionError("z")
    if i == 1:
        raise KeyError("k")
    if i == 2:
        raise IndexError("i")
    if i == 3:
        raise UnicodeError("u")
    if i == 4:
        raise NotImplementedError("n")
    raise Exception("plain")


for i in range(6):
    try:
        raise_it(i)
    except ArithmeticError:
        print(i, "ArithmeticError")
    except LookupError:
        print(i, "LookupError")
    except ValueError:
        print(i, "ValueError")
    except RuntimeError:
        print(i, "RuntimeError")
    except Exception:
        print(i, "Exception")
try:
    raise ZeroDivisionError
except LookupError:
    print("wrong")
except BaseException:
    print("BaseException catches everything")
print(isinstance(KeyError("x"), LookupError), isinstance(KeyError("x"), IndexError), isinstance(ValueError(), Exception))
