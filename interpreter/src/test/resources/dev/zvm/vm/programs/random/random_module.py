# the random module: seeded, it draws CPython 3.11's numbers (same generator, same algorithms)
import random

random.seed(12345)
print([random.random() for i in range(3)])
print([random.randint(1, 6) for i in range(10)])
print([random.randrange(10) for i in range(5)], [random.randrange(0, 100, 7) for i in range(5)])
print(random.randrange(10, 0, -3), random.getrandbits(1), random.getrandbits(16), random.getrandbits(40))
print(random.uniform(1.5, 2.5), random.choice("abcdef"), random.choice((10, 20, 30)))
deck = list(range(20))
random.shuffle(deck)
print(deck)

# the same seed gives the same numbers; a big seed and a negative one as CPython takes them
random.seed(7)
a = [random.random(), random.randint(0, 10 ** 12)]
random.seed(7)
print(a == [random.random(), random.randint(0, 10 ** 12)], a[1])
random.seed(2 ** 40 + 3)
print(random.random())
random.seed(-7)
print(random.random() == (random.seed(7) or random.random()))

for f, args in [(random.randrange, (0,)), (random.randrange, (5, 5)), (random.randrange, (1, 5, 0)),
                (random.choice, ([],))]:
    try:
        print(f(*args))
    except (ValueError, IndexError) as err:
        print(type(err).__name__, err)

# expect: [0.41661987254534116, 0.010169169457068361, 0.8252065092537432]
# expect: [3, 3, 2, 3, 5, 4, 2, 3, 1, 4]
# expect: [4, 8, 2, 9, 8] [14, 35, 77, 77, 7]
# expect: 1 1 33025 159629215102
# expect: 1.705714186422282 a 10
# expect: [3, 5, 13, 7, 1, 4, 15, 2, 9, 16, 6, 12, 11, 8, 17, 18, 14, 0, 19, 10]
# expect: True 434439589175
# expect: 0.21978710637116716
# expect: True
# expect: ValueError empty range for randrange()
# expect: ValueError empty range for randrange() (5, 5, 0)
# expect: ValueError zero step for randrange()
# expect: IndexError Cannot choose from an empty sequence
