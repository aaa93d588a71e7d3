# iter, next, map, filter with named functions, builtins and None


def square(x):
    return x * x


def is_odd(x):
    return x % 2 == 1


def add(a, b):
    return a + b


print(list(map(square, [1, 2, 3])), list(map(str, range(3))), list(map(add, [1, 2, 3], [10, 20, 30])))
print(list(map(len, ["a", "bb", ""])), list(map(int, "123")), list(map(add, "ab", "cd")), list(map(add, [1, 2, 3], [1])))
print(list(filter(is_odd, range(10))), list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(is_odd, [])))
m = map(square, [4, 5])
print(next(m), next(m), next(m, "exhausted"))
f = filter(is_odd, [1, 2, 3])
print(list(f), list(f))
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, "default"))
it2 = iter("xy")
for ch in it2:
    print("char", ch)
print(sum(map(square, range(4))), max(map(len, ["aa", "b", "cccc"])), sorted(map(square, [-3, 1, 2])))
print(list(zip(map(square, [1, 2]), filter(is_odd, [1, 2, 3, 5]))))
print(list(map(divmod, [7, 9], [2, 4])))
