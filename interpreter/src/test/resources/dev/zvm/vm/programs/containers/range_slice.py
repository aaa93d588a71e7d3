# range and slice objects
r = range(1, 20, 3)
print(r, len(r), r[0], r[-1], r[2:4], 7 in r, 8 in r, r.index(10), r.count(4), list(r[::-1]))
print(range(5), range(0, 10, 2), list(range(10, 0, -3)), range(3) == range(0, 3), bool(range(0)))
s = slice(1, 5, 2)
print(s, s.start, s.stop, s.step, [0, 1, 2, 3, 4, 5][s], "abcdef"[slice(2)])
print("abcdef"[-3:], "abcdef"[:-3], "abcdef"[10:], "abcdef"[-100:2], [1, 2, 3][::-1], (1, 2, 3)[1::])

# expect: range(1, 20, 3) 7 1 19 range(7, 13, 3) True False 3 1 [19, 16, 13, 10, 7, 4, 1]
# expect: range(0, 5) range(0, 10, 2) [10, 7, 4, 1] True False
# expect: slice(1, 5, 2) 1 5 2 [1, 3] ab
# expect: def abc  ab [3, 2, 1] (2, 3)
