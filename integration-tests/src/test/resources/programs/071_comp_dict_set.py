# dict and set comprehensions (sets printed sorted)
sq = {x: x * x for x in range(6)}
print(sq)
inv = {v: k for k, v in sq.items()}
print(inv)
print({k: v for k, v in sq.items() if v % 2 == 1})
words = ["apple", "avocado", "banana", "cherry", "blueberry"]
print({w[0]: w for w in words})
print({w: len(w) for w in words if len(w) > 5})
print(sorted({len(w) for w in words}))
print(sorted({c for c in "mississippi"}))
print(sorted({x % 7 for x in range(100) if x % 2 == 0}))
print({i: [i] * i for i in range(1, 4)})
print({(i, i + 1): i for i in range(3)})
print({s: s.upper() for s in "abc"}, {x for x in []}, {k: 1 for k in []})
counts = {ch: "hello".count(ch) for ch in "hello"}
print(counts)
