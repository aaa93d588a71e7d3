# repr of strings and containers, as CPython prints them
print(repr("plain"), repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\tnl\n"), repr("\x00\x7f"))
print(repr("é"), repr("日本"), repr("\u200b"), repr("back\\slash"))
print(["a", 'b"', "c'"], ("x",), {"k": ["v"]}, {1: (2, 3)})
print([1.0, 2.5, -0.0], (None, True, False), [[], [[]]], {})
l = [1]
l.append(l)
print(l)
d = {}
d["self"] = d
print(d)

# expect: 'plain' "it's" 'say "hi"' 'both \' and "' 'tab\tnl\n' '\x00\x7f'
# expect: 'é' '日本' '\u200b' 'back\\slash'
# expect: ['a', 'b"', "c'"] ('x',) {'k': ['v']} {1: (2, 3)}
# expect: [1.0, 2.5, -0.0] (None, True, False) [[], [[]]] {}
# expect: [1, [...]]
# expect: {'self': {...}}
