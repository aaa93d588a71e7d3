# str methods: split, join, strip family, find, index, replace, startswith, endswith, case, count, is*, encode/decode
s = "  Hello, World  "
print(s.strip(), "|" + s.lstrip() + "|", "|" + s.rstrip() + "|", "xxaxx".strip("x"), "abcba".lstrip("ab"))
print("a,b,,c".split(","), " a  b c ".split(), "a b c".split(" ", 1), "a-b-c".rsplit("-", 1), "".split(), "abc".split("x"))
print("x".join(["a", "b", "c"]), ", ".join([]), "".join(["ab", "cd"]), "-".join("xyz"))
print("hello".find("l"), "hello".rfind("l"), "hello".find("z"), "hello".find("l", 3), "hello".find(""), "hello".index("e"))
print("banana".replace("a", "o"), "banana".replace("a", "o", 2), "aaa".replace("a", "bb"), "abc".replace("", "-"))
print("hello".startswith("he"), "hello".endswith("lo"), "hello".startswith(("x", "h")), "hello".startswith("l", 2))
print("MiXeD".upper(), "MiXeD".lower(), "hello world".title(), "hello".capitalize(), "MiXeD".swapcase())
print("banana".count("a"), "banana".count("an"), "aaaa".count("aa"), "abc".count(""))
print("123".isdigit(), "12a".isdigit(), "abc".isalpha(), "ab1".isalnum(), "  ".isspace(), "".isdigit())
print("ABC".isupper(), "abc".islower(), "Abc".isupper(), "a1".islower(), "Title Case".istitle())
print("héllo".encode(), "abc".encode("ascii"), b"caf\xc3\xa9".decode(), b"abc".decode("ascii"))
print("ab".center(6, "*"), "ab".ljust(5) + "|", "ab".rjust(5), "42".zfill(5), "-42".zfill(6))
print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("x"))
print("l1\nl2\r\nl3".splitlines(), "a\tb".expandtabs(4), "prefix_rest".removeprefix("prefix_"))
print("abc"[1], "abc"[-1], "hello"[1:3], "hello"[::-1], "hello"[::2], "abc" * 3, "ab" + "cd", "b" in "abc")
print(len("日本語"), "日本語"[1], "ü".upper(), "ß".upper(), ord("日"))
try:
    "abc".index("z")
except ValueError as e:
    print("ValueError:", e)
try:
    "abc" + 1
except TypeError as e:
    print("TypeError:", e)

# expect: Hello, World |Hello, World  | |  Hello, World| a cba
# expect: ['a', 'b', '', 'c'] ['a', 'b', 'c'] ['a', 'b c'] ['a-b', 'c'] [] ['abc']
# expect: axbxc  abcd x-y-z
# expect: 2 3 -1 3 0 1
# expect: bonono bonona bbbbbb -a-b-c-
# expect: True True True True
# expect: MIXED mixed Hello World Hello mIxEd
# expect: 3 2 2 4
# expect: True False True True True False
# expect: True True False True True
# expect: b'h\xc3\xa9llo' b'abc' café abc
# expect: **ab** ab   |    ab 00042 -00042
# expect: ('a', '=', 'b=c') ('a=b', '=', 'c') ('abc', '', '')
# expect: ['l1', 'l2', 'l3'] a   b rest
# expect: b c el olleh hlo abcabcabc abcd True
# expect: 3 本 Ü SS 26085
# expect: ValueError: substring not found
# expect: TypeError: can only concatenate str (not "int") to str
