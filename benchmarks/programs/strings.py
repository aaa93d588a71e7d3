"""String building and splitting (written for zvm).

Builds a CSV-like text with % formatting, join and +=, then takes it apart again with split,
int(), upper(), replace(), strip() and find(). The text is one line per number, built and
parsed in blocks of BLOCK lines (positions are counted as if it were one text). Every figure
the run returns is also computed in the check by plain arithmetic, without strings, so the
self-check holds for any workload.
"""
import harness

SYLLABLES = ["ka", "lo", "mire", "tu", "sen", "o", "pla"]
BLOCK = 250


def name_of(i):
    return SYLLABLES[i % 7] + SYLLABLES[(i * 3) % 7]


def parse(text):
    """Returns [sum of the numbers, lines whose third field is the upper-cased first, name chars]."""
    total = 0
    matches = 0
    name_chars = 0
    for line in text.split("\n"):
        fields = line.split(",")
        total += int(fields[1])
        if fields[2].strip() == fields[0].upper():
            matches += 1
        name_chars += len(fields[0])
    return [total, matches, name_chars]


def run(n):
    """Builds and parses the n lines in blocks of BLOCK, so no string or list nears zvm's 65535."""
    total = 0
    matches = 0
    name_chars = 0
    words = 0
    text_chars = 0
    first_pla = -1
    start = 0
    while start < n:
        stop = start + BLOCK
        if stop > n:
            stop = n
        lines = []
        i = start
        while i < stop:
            name = name_of(i)
            lines.append("%s,%d, %s " % (name, i, name.upper()))
            i += 1
        text = "\n".join(lines)
        figures = parse(text)
        total += figures[0]
        matches += figures[1]
        name_chars += figures[2]
        words += len(text.replace(",", " ; ").split())
        if first_pla < 0 and text.find("pla") >= 0:
            first_pla = text_chars + text.find("pla")
        text_chars += len(text) + 1
        start = stop
    text_chars -= 1

    tail = ""
    i = 0
    while i < n:
        tail += SYLLABLES[i % 7]
        if len(tail) > 60:
            tail = tail[30:]
        i += 1
    return [total, matches, name_chars, words, text_chars, len(tail), first_pla]


def digits(i):
    count = 1
    while i >= 10:
        i = i // 10
        count += 1
    return count


def check(n, result):
    name_chars = 0
    text_chars = 0
    tail_chars = 0
    i = 0
    while i < n:
        size = len(SYLLABLES[i % 7]) + len(SYLLABLES[(i * 3) % 7])
        name_chars += size
        text_chars += 2 * size + digits(i) + 4
        tail_chars += len(SYLLABLES[i % 7])
        if tail_chars > 60:
            tail_chars -= 30
        i += 1
    text_chars += n - 1
    # "pla" is the only syllable with a "p", and find() does not see the upper-case copy: the
    # first hit is in the first name holding syllable 6, after the lines before it.
    first_pla = -1
    offset = 0
    i = 0
    while i < n and first_pla < 0:
        if i % 7 == 6:
            first_pla = offset
        elif (i * 3) % 7 == 6:
            first_pla = offset + len(SYLLABLES[i % 7])
        offset += 2 * (len(SYLLABLES[i % 7]) + len(SYLLABLES[(i * 3) % 7])) + digits(i) + 5
        i += 1
    expected = [n * (n - 1) // 2, n, name_chars, 5 * n, text_chars, tail_chars, first_pla]
    if result != expected:
        return "figures %r, expected %r" % (result, expected)
    return None


harness.bench("strings", {"tiny": 100, "small": 5000, "default": 100000}, run, check)
