# repr of strings: quote choice and escapes; str() vs repr() inside containers
tests = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\nx", "cr\rx", "back\\slash",
         "\x00\x01\x1f\x7f", "\x80\xff", "é", "", " ", "'", '"']
for t in tests:
    print(repr(t))
print(tests[:4])
print(str(["a", "b"]), repr(["a", "b"]), str(("x",)), str({"k": "v"}))
print(repr(repr("x")), str(repr("q")))
print([["nested", "list"], ("tu", "ple")], {"d": ["v"]})
