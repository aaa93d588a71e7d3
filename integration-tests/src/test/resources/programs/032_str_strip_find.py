# strip family, find/rfind/index, count, replace
s = "   padded string \t\n"
print("[" + s.strip() + "]", "[" + s.lstrip() + "]", "[" + s.rstrip() + "]")
print("xxhixx".strip("x"), "xxhixx".lstrip("x"), "xxhixx".rstrip("x"), "abcba".strip("ab"))
print("[" + "".strip() + "]", "[" + "    ".strip() + "]", "...a.b...".strip("."))
t = "the quick brown fox jumps over the lazy dog"
print(t.find("the"), t.find("the", 1), t.find("cat"), t.find(""), t.find("o", 15, 20), t.find("dog", -5))
print(t.rfind("the"), t.rfind("o"), t.rfind("zzz"), t.index("quick"), t.rindex("o"))
try:
    t.index("cat")
except ValueError:
    print("index raises ValueError")
print(t.count("o"), t.count("the"), t.count("z"), t.count("xyz"), "aaaa".count("aa"), "abc".count(""))
print(t.replace("the", "a"), "|", t.replace("o", "0", 2), "|", t.replace("missing", "x"))
print("aaa".replace("a", "bb"), "abc".replace("", "-"), "hello".replace("l", ""))
print("mississippi".find("ss"), "mississippi".rfind("ss"), "mississippi".count("ss"), "mississippi".count("s", 4))
