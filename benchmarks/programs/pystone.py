"""Records and procedures, in the spirit of Dhrystone/pystone (written for zvm, not a port).

A chain of Entry records is walked by small procedures that copy records, compare short
strings, index a vector and a matrix, and update module globals. Every loop leaves the state
the same way, so the final values are known in closed form and checked exactly.
"""
import harness

KIND_SMALL = 1
KIND_MEDIUM = 2
KIND_LARGE = 3
KIND_HUGE = 4

WIDTH = 40

# Module globals the procedures update, as the classic record-and-procedure benchmarks do.
total = 0
flag = False
last_code = "A"
vector = [0] * WIDTH
matrix = []


class Entry:
    def __init__(self, link, kind, quantity, code, label):
        self.link = link
        self.kind = kind
        self.quantity = quantity
        self.code = code
        self.label = label

    def clone(self):
        return Entry(self.link, self.kind, self.quantity, self.code, self.label)


def reset():
    global total, flag, last_code, vector, matrix
    total = 0
    flag = False
    last_code = "A"
    vector = [0] * WIDTH
    matrix = []
    i = 0
    while i < WIDTH:
        matrix.append([0] * WIDTH)
        i += 1


def classify(quantity):
    if quantity < 10:
        return KIND_SMALL
    if quantity < 100:
        return KIND_MEDIUM
    if quantity < 1000:
        return KIND_LARGE
    return KIND_HUGE


def next_code(code):
    global last_code
    if code == "Z":
        last_code = "A"
    else:
        last_code = chr(ord(code) + 1)
    return last_code


def same_label(a, b):
    if len(a) != len(b):
        return False
    if a[0] != b[0]:
        return False
    return a == b


def mix(a, b):
    return (a * 7 + b * 3) % 1000


def store(row, col, value):
    vector[row] = value
    vector[row + 1] = vector[row] + 1
    line = matrix[row]
    line[col] = line[col] + 1
    matrix[row + 1][col] = value
    return vector[row + 1]


def settle(entry):
    global total, flag
    copy = entry.link.clone()
    copy.quantity = entry.quantity + 5
    copy.kind = classify(copy.quantity)
    copy.code = next_code(entry.code)
    if copy.kind == KIND_MEDIUM:
        copy.quantity = mix(copy.quantity, 2) % 90 + 10
    else:
        copy.quantity = copy.quantity % 10
    flag = same_label(copy.label, entry.label)
    if not flag:
        total += copy.quantity
    entry.link.quantity = copy.quantity
    entry.link.code = copy.code
    return copy


def run(loops):
    reset()
    tail = Entry(None, KIND_SMALL, 0, "A", "LEDGER, SECOND RECORD")
    head = Entry(tail, KIND_MEDIUM, 40, "Y", "LEDGER, FIRST RECORD")
    label = "LEDGER, WORKING LABEL"
    checksum = 0
    i = 0
    while i < loops:
        head.quantity = 40
        head.code = "Y"
        low = 2
        high = 3
        while low < high:
            high = mix(low, high) % 5 + 1
            low += 1
        copy = settle(head)
        checksum += store(copy.quantity % 30, low + 5, copy.quantity)
        if same_label(label, copy.label):
            checksum += 1000
        if copy.code == "Z" and copy.kind == KIND_MEDIUM:
            checksum += 1
        i += 1
    return checksum


def check(loops, checksum):
    # One loop: 40 + 5 = 45 is MEDIUM, mix(45, 2) = 321, 321 % 90 + 10 = 61; 'Y' becomes 'Z'.
    # low goes 2 -> 3 (mix(2, 3) = 23, 23 % 5 + 1 = 4; then 3 < 4 -> mix(3, 4) = 33 -> 4; 4 < 4 ends).
    if checksum != loops * (62 + 1):
        return "checksum %d, expected %d" % (checksum, loops * 63)
    if total != loops * 61:
        return "total %d, expected %d" % (total, loops * 61)
    if flag:
        return "flag should be False"
    if last_code != "Z":
        return "last code %s, expected Z" % last_code
    if loops > 0 and (vector[1] != 61 or vector[2] != 62 or matrix[1][9] != loops
                      or matrix[2][9] != 61):
        return "vector/matrix %r %r" % (vector[1:3], matrix[1][9])
    return None


harness.bench("pystone", {"tiny": 200, "small": 20000, "default": 200000}, run, check)
