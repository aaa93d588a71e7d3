# list methods: append, extend, insert, remove, pop, index, count, reverse, copy, clear, sort
lst = [3, 1, 4]
lst.append(1)
print(lst)
lst.extend([5, 9])
print(lst)
lst.extend((2, 6))
lst.extend(range(2))
lst.extend("ab")
print(lst)
lst.insert(0, "first")
lst.insert(-1, "before-last")
lst.insert(100, "end")
lst.insert(-100, "start")
print(lst)
lst.remove("first")
lst.remove(1)
print(lst)
print(lst.pop(), lst.pop(0), lst.pop(-2), lst)
print(lst.index(5), lst.index(1), lst.count(1), lst.count("zz"))
print(lst.index(1, 5))
try:
    lst.remove("missing")
except ValueError:
    print("remove missing raises ValueError")
try:
    lst.index(42)
except ValueError:
    print("index missing raises ValueError")
try:
    [].pop()
except IndexError:
    print("pop from empty raises IndexError")
nums = [n for n in lst if isinstance(n, int)]
print(nums)
nums.reverse()
print(nums)
cp = nums.copy()
cp.append(100)
print(nums, cp)
cp.clear()
print(cp, len(cp))
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
print(nums.append(0), nums.sort(), nums)
stack = []
for i in range(4):
    stack.append(i)
while stack:
    print(stack.pop(), end=" ")
print()
queue = [1, 2, 3]
queue.append(4)
print(queue.pop(0), queue.pop(0), queue)
