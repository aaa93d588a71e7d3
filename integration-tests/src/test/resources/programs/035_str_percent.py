# % formatting: conversions, flags, width, precision, '*', %(key)s, %%


class Q:
    def __str__(self):
        return "Q-str"

    def __repr__(self):
        return "Q-repr"


print("%d %i %s %r %%" % (42, -7, "str", "str"))
print("%s" % "single", "%s" % 5, "%s" % [1, 2], "%s" % (None,), "%r" % ((1, 2),))
print("[%5d] [%-5d] [%05d] [%+d] [% d] [%+05d] [%-+5d]" % (42, 42, 42, 42, 42, 42, 42))
print("[%5d] [%-5d] [%05d] [%+d] [% d]" % (-42, -42, -42, -42, -42))
print("[%x] [%X] [%#x] [%#X] [%o] [%#o] [%08x] [%-6x]" % (255, 255, 255, 255, 8, 8, 48879, 10))
print("[%x] [%o]" % (-255, -8))
print("[%s] [%10s] [%-10s] [%.2s] [%10.3s] [%-6.1s]" % ("abc", "abc", "abc", "abc", "abcdef", "xyz"))
print("[%r] [%8r] [%s] [%r]" % ("q", "q", Q(), Q()))
print("[%c] [%c] [%3c]" % ("x", 65, "y"))
print("[%*d] [%-*d] [%.*f] [%*.*f]" % (6, 42, 6, 42, 2, 3.14159, 8, 3, 2.71828))
print("%(name)s is %(age)d years, %(name)r again" % {"name": "Bob", "age": 7})
print("%(x)05d|%(y)-6s|%(z).2f" % {"x": 3, "y": "ab", "z": 1.005})
print("%d%%" % 50, "100%%" % (), "%s%s%s" % ("a", "b", "c"))
print("%d" % 3.99, "%d" % -3.99, "%i" % True, "%s" % True, "%d" % 9223372036854775807)
print("%s and %s" % (1.5, 1e-7), "%r" % 0.1)
try:
    print("%d %d" % (1,))
except TypeError:
    print("not enough arguments is a TypeError")
try:
    print("%d" % (1, 2))
except TypeError:
    print("too many arguments is a TypeError")
try:
    print("%d" % "x")
except TypeError:
    print("%d of a str is a TypeError")
row = "%-10s|%6s|%8s"
print(row % ("item", "qty", "price"))
for name, qty, price in [("apple", 3, 0.5), ("melon", 12, 2.25), ("kiwi", 100, 0.125)]:
    print("%-10s|%6d|%8.2f" % (name, qty, price))
