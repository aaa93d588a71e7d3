# allocation churn: many short-lived objects so the collector has to run; results stay small


class Pair:
    def __init__(self, a, b):
        self.a = a
        self.b = b


total = 0
for i in range(20000):
    p = Pair(i, [i, i + 1, str(i)])
    total += p.a + p.b[1] + len(p.b[2])
print(total)
kept = []
for i in range(3000):
    t = (i, "x" * (i % 17), {"k": i})
    if i % 100 == 0:
        kept.append(t)
print(len(kept), kept[-1][0], len(kept[-1][1]), kept[5][2])
s = ""
for i in range(500):
    s += str(i % 10)
print(len(s), s[:20], s.count("7"))
big = []
for i in range(200):
    big.append([j * i for j in range(50)])
print(sum([row[-1] for row in big]), len(big))
d = {}
for round_ in range(5):
    for i in range(2000):
        d[i] = [round_] * 3
    for i in range(0, 2000, 2):
        del d[i]
print(len(d), d[1], d[1999])
chain = None
for i in range(5000):
    chain = Pair(i, chain)
n = 0
while chain is not None:
    n += 1
    chain = chain.b
print(n)
words = []
for i in range(1000):
    words.append("w%04d" % i)
print(" ".join(words[:3]), len("".join(words)))
