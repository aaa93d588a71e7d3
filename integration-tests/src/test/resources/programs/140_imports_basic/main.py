# import a sibling module and use its functions, constants and classes through the module name
import mathutil
import textutil as tu

print(mathutil.square(7), mathutil.cube(3), mathutil.PI_APPROX)
print(mathutil.clamp(15, 0, 10), mathutil.clamp(-3, 0, 10), mathutil.clamp(4, 0, 10))
print(tu.shout("hello"), tu.count_words("a b  c d"), tu.SEPARATOR.join(["x", "y"]))
acc = mathutil.Accumulator()
acc.add(5)
acc.add(7)
print(acc.total, acc.count, acc.mean())
print(mathutil.square(tu.count_words("one two three")))
