# case conversion, startswith/endswith, the is* predicates
print("Hello World".upper(), "Hello World".lower(), "MiXeD 123".lower(), "abc".upper())
print("hello".startswith("he"), "hello".startswith("lo"), "hello".startswith(""), "hello".startswith("lo", 3))
print("hello".endswith("lo"), "hello".endswith("he"), "hello".endswith("hel", 0, 3))
print("file.py".endswith((".py", ".txt")), "file.c".endswith((".py", ".txt")), "http://x".startswith(("ftp:", "http:")))
tests = ["123", "12.3", "abc", "ABC", "abc123", "", " ", " \t\n", "Abc", "a b"]
for t in tests:
    print(repr(t), t.isdigit(), t.isalpha(), t.isalnum(), t.isspace(), t.isupper(), t.islower(), t.isdecimal(), t.isnumeric())
print("a".upper() == "A", "ÉCOLE".lower(), "école".upper())
