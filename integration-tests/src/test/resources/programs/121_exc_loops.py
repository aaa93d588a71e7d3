# exceptions inside loops: retry patterns, continue/break from handlers, manual iteration


def parse_all(items):
    good = []
    bad = 0
    for s in items:
        try:
            good.append(int(s))
        except ValueError:
            bad += 1
            continue
        if good[-1] < 0:
            break
    return good, bad


print(parse_all(["1", "x", "2", "-3", "4"]))
attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 3:
            raise RuntimeError("flaky")
        print("succeeded after", attempts)
        break
    except RuntimeError:
        print("retry", attempts)
it = iter([1, 2, 3])
total = 0
while True:
    try:
        v = next(it)
    except StopIteration:
        break
    total += v
print("manual iteration total", total)
d = {"a": 1}
for k in ["a", "b", "a", "c"]:
    try:
        d[k] += 1
    except KeyError:
        d[k] = 100
print(d)
caught = 0
for i in range(1000):
    try:
        if i % 7 == 0:
            raise ValueError(i)
    except ValueError:
        caught += 1
print("caught", caught)
