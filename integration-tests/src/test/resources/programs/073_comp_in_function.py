# comprehensions inside functions and methods, reading the function's parameters and locals


def scaled(values, factor):
    offset = 1
    return [v * factor + offset for v in values]


def index_of_words(text):
    words = text.split()
    return {w: i for i, w in enumerate(words)}


def multiples(limit, step):
    return sorted({n for n in range(limit) if n % step == 0})


def table(n):
    return [[r * c for c in range(1, n + 1)] for r in range(1, n + 1)]


def filtered_pairs(items, threshold):
    return [(a, b) for a in items for b in items if a < b and a + b > threshold]


class Grid:
    def __init__(self, w, h):
        self.w = w
        self.h = h
        self.cells = [[0 for x in range(w)] for y in range(h)]

    def coords(self):
        return [(x, y) for y in range(self.h) for x in range(self.w) if (x + y) % 2 == 0]


print(scaled([1, 2, 3], 10))
print(index_of_words("to be or not to be"))
print(multiples(30, 7))
print(table(3))
print(filtered_pairs([1, 2, 3, 4, 5], 6))
g = Grid(3, 2)
print(g.cells, g.coords())


def count_loop_var_leak():
    i = "kept"
    squares = [i * i for i in range(4)]
    return i, squares


print(count_loop_var_leak())
