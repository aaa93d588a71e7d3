# exceptions raised by the runtime itself, caught by class


def attempt(label, f, arg):
    try:
        f(arg)
        print(label, "-> no exception")
    except ZeroDivisionError:
        print(label, "-> ZeroDivisionError")
    except IndexError:
        print(label, "-> IndexError")
    except KeyError:
        print(label, "-> KeyError")
    except ValueError:
        print(label, "-> ValueError")
    except TypeError:
        print(label, "-> TypeError")
    except AttributeError:
        print(label, "-> AttributeError")
    except StopIteration:
        print(label, "-> StopIteration")


def div0(x):
    return x / 0


def idiv0(x):
    return x // 0


def mod0(x):
    return x % 0


def idx(x):
    return x[10]


def key(x):
    return x["missing"]


def to_int(x):
    return int(x)


def add_str(x):
    return x + "s"


def attr(x):
    return x.nothing


def nxt(x):
    return next(iter(x))


def call(x):
    return x()


def unpack(x):
    a, b = x
    return a


def neg_len(x):
    return [0] * x + x


def divmod0(x):
    return divmod(x, 0)


def pop_empty(x):
    return x.pop()


def hash_list(x):
    return {x: 1}


def chr_bad(x):
    return chr(x)


def remove_missing(x):
    x.remove(99)


def float_bad(x):
    return float(x)


attempt("1 / 0", div0, 1)
attempt("1.5 / 0", div0, 1.5)
attempt("7 // 0", idiv0, 7)
attempt("7 % 0", mod0, 7)
attempt("divmod(7, 0)", divmod0, 7)
attempt("[1][10]", idx, [1])
attempt("'ab'[10]", idx, "ab")
attempt("(1,)[10]", idx, (1,))
attempt("{}['missing']", key, {})
attempt("[]['missing']", key, [])
attempt("int('x')", to_int, "x")
attempt("int([])", to_int, [])
attempt("1 + 's'", add_str, 1)
attempt("None.nothing", attr, None)
attempt("next(iter([]))", nxt, [])
attempt("5()", call, 5)
attempt("a, b = [1]", unpack, [1])
attempt("a, b = 5", unpack, 5)
attempt("[0] * 3 + 3", neg_len, 3)
attempt("[].pop()", pop_empty, [])
attempt("{[]: 1}", hash_list, [])
attempt("chr(-1)", chr_bad, -1)
attempt("[1].remove(99)", remove_missing, [1])
attempt("float('abc')", float_bad, "abc")
attempt("float('1.5')", float_bad, "1.5")
