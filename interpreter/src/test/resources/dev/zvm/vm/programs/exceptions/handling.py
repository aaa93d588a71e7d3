# try/except/else/finally, except (A, B) as e, bare raise, messages, the tree, custom classes
def classify(x):
    try:
        if x == 0:
            raise ValueError
        if x == 1:
            raise KeyError("k")
        if x == 2:
            return 1 / 0
        if x == 3:
            [][1]
        if x == 4:
            raise TypeError("bad type", 42)
    except (ValueError, KeyError) as e:
        return "value/key: %r %s" % (e, e)
    except ArithmeticError as e:
        return "arith: " + type(e).__name__ + ": " + str(e)
    except LookupError as e:
        return "lookup: " + str(e)
    except Exception as e:
        return "other: %s %s" % (e.args, e)
    else:
        return "no error"
    finally:
        print("finally", x)
for i in range(6):
    print(classify(i))
class AppError(Exception):
    pass
class DbError(AppError):
    def __init__(self, code):
        self.code = code
        AppError.__init__(self, "db code %d" % code)
try:
    raise DbError(7)
except AppError as e:
    print("caught", type(e).__name__, e.code, e, e.args, isinstance(e, Exception), isinstance(e, DbError))
def reraise():
    try:
        raise RuntimeError("inner")
    except RuntimeError:
        print("handling, then re-raising")
        raise
try:
    reraise()
except RuntimeError as e:
    print("outer got:", e)
def nested():
    try:
        try:
            raise ValueError("one")
        finally:
            print("inner finally")
    except ValueError as e:
        print("caught", e)
        return "done"
    finally:
        print("outer finally")
print(nested())
try:
    raise NotImplementedError
except RuntimeError as e:
    print("NotImplementedError is a RuntimeError:", repr(e), str(e) == "")
try:
    raise RecursionError("deep")
except RuntimeError as e:
    print(type(e).__name__, e)
for n in range(3):
    try:
        if n == 1:
            continue
        print("body", n)
    finally:
        print("cleanup", n)
e = ValueError("a", 1)
print(e, repr(e), e.args, repr(ValueError()), str(KeyError("k")), repr(KeyError("k")))
try:
    raise ValueError("first") from KeyError("cause")
except ValueError as e:
    print("from:", e)

# expect: finally 0
# expect: value/key: ValueError() 
# expect: finally 1
# expect: value/key: KeyError('k') 'k'
# expect: finally 2
# expect: arith: ZeroDivisionError: division by zero
# expect: finally 3
# expect: lookup: list index out of range
# expect: finally 4
# expect: other: ('bad type', 42) ('bad type', 42)
# expect: finally 5
# expect: no error
# expect: caught DbError 7 db code 7 ('db code 7',) True True
# expect: handling, then re-raising
# expect: outer got: inner
# expect: inner finally
# expect: caught one
# expect: outer finally
# expect: done
# expect: NotImplementedError is a RuntimeError: NotImplementedError() True
# expect: RecursionError deep
# expect: body 0
# expect: cleanup 0
# expect: cleanup 1
# expect: body 2
# expect: cleanup 2
# expect: ('a', 1) ValueError('a', 1) ('a', 1) ValueError() 'k' KeyError('k')
# expect: from: first
