# unbounded recursion raises RecursionError (a RuntimeError), never a Java StackOverflowError
def forever(n):
    return forever(n + 1)


try:
    forever(0)
except RuntimeError as e:
    print(type(e).__name__, e)
print("survived")
forever(0)
# expect: RecursionError maximum recursion depth exceeded
# expect: survived
# expect-exception: RecursionError: maximum recursion depth exceeded
# expect-traceback: line 11, in <module>
# expect-traceback: line 3, in forever
