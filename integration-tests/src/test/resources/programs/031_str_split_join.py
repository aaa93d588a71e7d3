# str.split / str.join and friends
print("a b  c".split())
print("  leading and trailing  ".split())
print("a,b,,c".split(","))
print("a,b,,c".split(",", 1))
print("a,b,,c".split(",", 2))
print("a::b::c".split("::"))
print("".split(), "".split(","), "abc".split("abc"))
print("one\ttwo\nthree  four".split())
print("a b c d".split(" ", 0), "a b c d".split(None, 2))
print("x=1;y=2;z=3".split(";"))
pairs = []
for item in "x=1;y=2;z=3".split(";"):
    k, v = item.split("=")
    pairs.append((k, int(v)))
print(pairs)
print(",".join(["a", "b", "c"]), "".join(["x", "y"]), " + ".join(("1", "2", "3")))
print("-".join("abc"), "|".join([]), "/".join(["only"]))
print(", ".join([str(i) for i in range(5)]))
print("line1\nline2\nline3".split("\n"))
print("a1b2c3".split("2"))
print("  spaced  out  ".strip().split("  "))
try:
    ",".join(["a", 1])
except TypeError:
    print("join of a non-str is a TypeError")
print("a,b,c".rsplit(",", 1), "a b c".rsplit())
print("k1=v1&k2=v2".split("&")[1].split("=")[1])
