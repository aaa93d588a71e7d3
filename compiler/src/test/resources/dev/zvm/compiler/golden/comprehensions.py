words = ["apple", "kiwi", "fig"]
lengths = {w: len(w) for w in words if len(w) > 3}
pairs = [(a, b) for a in range(2) for b in "xy"]
first, *middle, last = sorted({len(w) for w in words})
print(lengths, pairs, first, middle, last)
