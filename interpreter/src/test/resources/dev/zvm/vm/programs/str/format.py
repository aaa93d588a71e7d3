# str.format, format(), f-strings
print("{} {} {}".format(1, "a", 2.5), "{1} {0}".format("x", "y"), "{a}-{b}".format(a=1, b=2))
print("{:>6}|{:<6}|{:^6}|{:*^7}".format("r", "l", "c", "m"))
print("{:d} {:5d} {:05d} {:+d} {:,} {:_}".format(7, 7, 7, 7, 1234567, 1234567))
print("{:.2f} {:8.3f} {:e} {:.1%} {:g}".format(3.14159, 2.5, 1234.5, 0.256, 0.00001))
print("{:x} {:X} {:o} {:b} {:#x} {:#b} {:08b}".format(255, 255, 8, 5, 255, 5, 5))
print("{0[0]} {0[1]} {1[k]}".format([10, 20], {"k": "v"}), "{{literal}}".format())
print("{!r} {!s}".format("q", "q"), "{:>{w}}".format("x", w=4), format(0.5, "%"), format(1e-7, ".3"))
x, name = 42, "zvm"
print(f"{x} {x:5d} {name!r} {x / 7:.3f} {name.upper()} {x * 2}")
print(f"{'nested'} {{braces}} {x:>{6}}")
print("{:.3}".format(3.14159), "{:10.4}".format(2.0), "{}".format(1e16), "{}".format(0.1 + 0.2))

# expect: 1 a 2.5 y x 1-2
# expect:      r|l     |  c   |***m***
# expect: 7     7 00007 +7 1,234,567 1_234_567
# expect: 3.14    2.500 1.234500e+03 25.6% 1e-05
# expect: ff FF 10 101 0xff 0b101 00000101
# expect: 10 20 v {literal}
# expect: 'q' q    x 50.000000% 1e-07
# expect: 42    42 'zvm' 6.000 ZVM 84
# expect: nested {braces}     42
# expect: 3.14        2.0 1e+16 0.30000000000000004
