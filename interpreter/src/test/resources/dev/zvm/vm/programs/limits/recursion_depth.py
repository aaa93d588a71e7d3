# the recursion limit is 1000 frames, as CPython's default: 990 nested calls fit
def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


print(depth(990))
# expect: 990
