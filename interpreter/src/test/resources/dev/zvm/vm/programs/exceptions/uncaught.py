# an uncaught exception: the traceback names each frame's line, outermost first
def inner(n):
    if n == 0:
        raise ValueError("bottom reached")
    return inner(n - 1)


def outer():
    return inner(2)


print("start")
outer()
# expect: start
# expect-exception: ValueError: bottom reached
# expect-traceback: line 13, in <module>
# expect-traceback: line 9, in outer
# expect-traceback: line 5, in inner
# expect-traceback: line 5, in inner
# expect-traceback: line 4, in inner
