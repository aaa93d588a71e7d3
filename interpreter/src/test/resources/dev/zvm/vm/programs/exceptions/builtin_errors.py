# the messages of errors the VM raises itself, as CPython words them
def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
def e2():
    x = 1
    del x
    return x
def e3():
    return {}["nokey"]
def e4():
    return None.attr
def e5():
    return 1 + "s"
def e6():
    return int("x")
def e7():
    return len(5)
def e8():
    return (1, 2)[9]
def e9():
    a, b = [1, 2, 3]
def e10():
    return 5()
def e11():
    return [1] < "a"
def e12():
    return hash([])
def e13(a, b):
    return a
for f in [e2, e3, e4, e5, e6, e7, e8, e9, e10, e11, e12]:
    show(f)
try:
    e13(1)
except TypeError as e:
    print("TypeError:", e)
try:
    e13(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    e13(1, c=2)
except TypeError as e:
    print("TypeError:", e)

# expect: UnboundLocalError: cannot access local variable 'x' where it is not associated with a value
# expect: KeyError: 'nokey'
# expect: AttributeError: 'NoneType' object has no attribute 'attr'
# expect: TypeError: unsupported operand type(s) for +: 'int' and 'str'
# expect: ValueError: invalid literal for int() with base 10: 'x'
# expect: TypeError: object of type 'int' has no len()
# expect: IndexError: tuple index out of range
# expect: ValueError: too many values to unpack (expected 2)
# expect: TypeError: 'int' object is not callable
# expect: TypeError: '<' not supported between instances of 'list' and 'str'
# expect: TypeError: unhashable type: 'list'
# expect: TypeError: e13() missing 1 required positional argument: 'b'
# expect: TypeError: e13() takes 2 positional arguments but 3 were given
# expect: TypeError: e13() got an unexpected keyword argument 'c'
