# str.format: positional, indexed, named fields, format specs, conversions, escapes


class P:
    def __init__(self, x):
        self.x = x

    def __str__(self):
        return "P(" + str(self.x) + ")"

    def __repr__(self):
        return "<P " + str(self.x) + ">"


print("{} and {}".format("spam", "eggs"))
print("{1} then {0} then {1}".format("a", "b"))
print("{name} is {age}".format(name="Ann", age=30))
print("{0}{name}{0}".format("*", name="mid"))
print("[{:5}] [{:<5}] [{:>5}] [{:^5}] [{:^6}]".format("ab", "ab", "ab", "ab", "ab"))
print("[{:*<6}] [{:->6}] [{:.^7}]".format("x", "y", "z"))
print("[{:5}] [{:<5}] [{:05}] [{:+}] [{: }] [{:+}]".format(42, 42, 42, 42, 42, -42))
print("{:d} {:x} {:X} {:o} {:b} {:#x} {:#o} {:#b}".format(255, 255, 255, 255, 5, 255, 8, 5))
print("{:,} {:_} {:,}".format(1234567, 1234567, -1000))
print("{:.2f} {:.0f} {:8.3f} {:<8.1f}| {:+.1f} {:.3e} {:g} {:g} {:%}".format(3.14159, 2.5, 2.0, 1.25, 1.0, 12345.678, 0.0001, 1e20, 0.25))
print("{:f} {:e} {:.1g} {:10.2e}|".format(1.5, 1.5, 1234.0, -0.000123))
print("{} {!r} {!s}".format(P(1), P(2), P(3)))
print("{} {!r}".format("text", "text"))
print("{{literal}} {}".format(1))
print("{:>10}|{:<10}|".format(str(P(7)), "s"))
print("{0[1]} {0[0]}".format(["a", "b"]))
print("{} {} {}".format(True, None, 1.0))
print("{:>4}{:>4}{:>4}".format(1, 22, 333))
print("{:.3}".format("abcdef"), "{:6.2}|".format("xyz"))
print("{:08.3f} {:-^9d} {:=+8d}".format(-3.14159, 7, 42))
