# list methods and operations
l = [3, 1, 4]
l.append(1)
l.extend([5, 9])
l.insert(0, 2)
l.insert(-1, 6)
l.insert(100, 7)
print(l, len(l))
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(1)
print(l, l.index(4), l.count(1), l.index(1, 2))
l.reverse()
print(l)
l.sort()
print(l)
l.sort(reverse=True)
print(l)
words = ["Banana", "apple", "cherry"]
words.sort(key=len)
print(words)
c = l.copy()
c.clear()
print(c, l)
print([1, 2] + [3], [0] * 3, [1, 2] * 0, 2 in [1, 2], 5 not in [1, 2], [1, 2] == [1, 2], [1, 2] < [1, 3])
m = [0, 1, 2, 3, 4, 5]
m[1:3] = ["a", "b", "c"]
print(m)
m[::2] = [9, 9, 9, 9]
print(m)
del m[0]
del m[1:3]
print(m, m[-1], m[1:], m[:-1], m[::-2])
n = [[0] * 2 for _ in range(2)]
n[0][1] = 5
print(n, [x * x for x in range(5) if x % 2 == 0])
a, *rest = [1, 2, 3]
print(a, rest)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].remove(2)
except ValueError as e:
    print("ValueError:", e)
try:
    print([1, 2][5])
except IndexError as e:
    print("IndexError:", e)

# expect: [2, 3, 1, 4, 1, 5, 6, 9, 7] 9
# expect: 7 2 6 [3, 1, 4, 1, 5, 9]
# expect: [3, 4, 1, 5, 9] 1 1 2
# expect: [9, 5, 1, 4, 3]
# expect: [1, 3, 4, 5, 9]
# expect: [9, 5, 4, 3, 1]
# expect: ['apple', 'Banana', 'cherry']
# expect: [] [9, 5, 4, 3, 1]
# expect: [1, 2, 3] [0, 0, 0] [] True True True True
# expect: [0, 'a', 'b', 'c', 3, 4, 5]
# expect: [9, 'a', 9, 'c', 9, 4, 9]
# expect: ['a', 9, 4, 9] 9 [9, 4, 9] ['a', 9, 4] [9, 9]
# expect: [[0, 5], [0, 0]] [0, 4, 16]
# expect: 1 [2, 3]
# expect: IndexError: pop from empty list
# expect: ValueError: list.remove(x): x not in list
# expect: IndexError: list index out of range
