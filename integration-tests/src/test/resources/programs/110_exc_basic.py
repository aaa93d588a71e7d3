# raise Name, raise Name("msg"), except with and without "as", str() of exceptions
try:
    raise ValueError
except ValueError:
    print("caught bare ValueError class")
try:
    raise ValueError("bad value")
except ValueError as e:
    print("caught:", e)
    print("str:", str(e), "| empty str for no message:", "[" + str(ValueError()) + "]")
try:
    raise KeyError
except KeyError as e:
    print("KeyError class raised, isinstance:", isinstance(e, KeyError), isinstance(e, LookupError))
try:
    raise TypeError("wrong type")
except ValueError:
    print("not this one")
except TypeError as e:
    print("second handler:", e)
try:
    raise RuntimeError("anything")
except:
    print("bare except catches everything")
try:
    raise IndexError("idx")
except Exception as e:
    print("Exception catches IndexError:", e, isinstance(e, IndexError))
err = ValueError("stored")
try:
    raise err
except ValueError as e:
    print("raised a stored instance:", e, e is err)
cls = ZeroDivisionError
try:
    raise cls
except ArithmeticError:
    print("raised a class held in a variable")


def fails():
    raise AttributeError("from a function")


try:
    fails()
except AttributeError as e:
    print("caught from function:", e)
print("after all the handlers")
e1 = ValueError("a")
print(str(e1), isinstance(e1, Exception), isinstance(e1, BaseException), issubclass(ValueError, Exception))
