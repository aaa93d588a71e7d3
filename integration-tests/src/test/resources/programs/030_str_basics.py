# str: indexing, slicing, concatenation, repetition, membership, comparison, iteration
s = "Hello, World"
print(len(s), s[0], s[7], s[-1], s[-5], s[len(s) - 1])
print(s[0:5], s[7:], s[:5], s[-5:], s[::2], s[::-1], s[1:10:3], s[-1:-6:-1])
print(s[100:], s[5:2], s[-100:3], "[" + s[3:3] + "]")
print(s + "!", "ab" * 3, 3 * "cd", "x" * 0, "y" * -1 == "")
print("World" in s, "world" in s, "" in s, "lo, W" in s, "z" not in s)
print("abc" < "abd", "abc" < "ab", "B" < "a", "abc" == "abc", "a" != "b", "Z" > "A", "" < "a")
print(max("hello"), min("hello"), sorted("hello"), list("abc"), tuple("xy"))
out = ""
for ch in "stressed":
    out = ch + out
print(out)
count = 0
for ch in "mississippi":
    if ch == "s":
        count += 1
print(count)
print(ord("A"), ord("z"), ord("0"), ord(" "), ord("\n"), chr(65), chr(97) + chr(98), chr(48))
print(str(12) + str(3.5) + str(None) + str([1]))
t = "immutable"
try:
    t[0] = "I"
except TypeError:
    print("str item assignment is a TypeError")
try:
    print(t[20])
except IndexError:
    print("str index out of range")
print("a" "b" == "ab", "abc"[1] == "b", "abc"[-1:], "abc"[:-1])
words = ["pear", "apple", "fig"]
print(sorted(words), "-".join(sorted(words)), words[1][1:4])
print("%s|%s" % ("x", s[::-3]))
