# nested try statements, exceptions raised in handlers and in finally blocks
try:
    try:
        raise ValueError("inner")
    except KeyError:
        print("wrong inner handler")
    print("not reached")
except ValueError as e:
    print("outer caught", e)
try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("raised in handler")
except TypeError as e:
    print("handler exception propagates:", e)
try:
    try:
        raise ValueError("hidden")
    finally:
        raise KeyError("from finally")
except KeyError:
    print("exception raised in finally replaces the original")
except ValueError:
    print("wrong")


def depth3():
    try:
        try:
            try:
                raise IndexError("level3")
            except TypeError:
                print("no")
            finally:
                print("f3")
        except KeyError:
            print("no")
        finally:
            print("f2")
    except IndexError as e:
        print("caught at level 1:", e)
    finally:
        print("f1")


depth3()
state = []
try:
    state.append("a")
    try:
        state.append("b")
        raise ValueError("x")
    except ValueError:
        state.append("c")
        try:
            state.append("d")
        finally:
            state.append("e")
    state.append("f")
finally:
    state.append("g")
print(state)
results = []
for x in [1, 0, "a", 2]:
    try:
        try:
            results.append(10 // x)
        except ZeroDivisionError:
            results.append("div0")
            raise
    except ZeroDivisionError:
        results.append("re-raised")
    except TypeError:
        results.append("type")
print(results)
