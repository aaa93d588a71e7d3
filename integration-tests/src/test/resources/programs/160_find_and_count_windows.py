# find, rfind, index, count, startswith and endswith with empty needles and windows that start
# past the end, before the start or after their own end: where an empty str is found and how often.
s = "abc"
print(s.find(""), s.find("", 3), s.find("", 4), s.find("", -10), s.find("", 5, 1))
print(s.rfind(""), s.rfind("", 3), s.rfind("", 4), s.rfind("", -1), s.rfind("", -5, -5))
print(s.index("", 3), s.count(""), s.count("", 3), s.count("", 4), s.count("", 2, 1), s.count("", -10, -20))
print(s.startswith("", 3), s.startswith("", 4), s.endswith("", 3), s.endswith("", 4), s.startswith("c", 2))
print("12".find("", -1, 100), "12".count("", -1, 2), "aaaa".count("aa"), "aaaa".count("aa", 1))
b = b"abc"
print(b.find(b""), b.find(b"", 3), b.find(b"", 4), b.count(b""), b"".count(b""), b"aaaa".count(b"aa"))
try:
    s.index("", 4)
except ValueError as e:
    print("ValueError:", e)
# list and tuple searches take ints for their bounds, not None (str.find does); pop checks its
# index's type before the list's length
def k(f, *a):
    try:
        return repr(f(*a))
    except Exception as e:
        return type(e).__name__
print(k([1, 2].index, 2, None), k((1, 2).index, 1, 0, None), k([1, 2].index, 2, 1), k([1, 2].index, 2, -1, 5))
print(k([].pop, "a"), k([].pop, 2.0), k([].pop, 0), k([1].pop, True), k("ab".find, "b", None))
