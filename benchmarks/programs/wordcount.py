"""Dict-heavy word counting (written for zvm).

A seeded linear congruential generator makes pseudo-words of two or three two-letter
syllables, skewed so that some words are frequent; they are joined into a text in blocks,
split again, and counted in a dict; a second dict totals the counts by word length, and the
most frequent word is found by iterating the first. The check recounts the same sequence with
integer codes in a list, without strings or dicts, so it holds for any workload.
"""
import harness

SYLLABLES = ["ka", "lo", "mi", "tu", "se", "no", "pa", "ri",
             "zu", "be", "go", "de", "fa", "ju", "wy", "ch"]
BLOCK = 500


def next_seed(seed):
    return (seed * 1103515245 + 12345) & 0x7FFFFFFF


def syllable(seed):
    """A syllable index from 0 to 15, small ones more often."""
    r = (seed >> 7) & 255
    return (r * r) >> 12


def run(n):
    counts = {}
    seed = 2024
    done = 0
    while done < n:
        words = []
        stop = done + BLOCK
        if stop > n:
            stop = n
        while done < stop:
            seed = next_seed(seed)
            word = SYLLABLES[syllable(seed)]
            seed = next_seed(seed)
            word += SYLLABLES[syllable(seed)]
            seed = next_seed(seed)
            if ((seed >> 16) & 3) == 0:
                seed = next_seed(seed)
                word += SYLLABLES[syllable(seed)]
            words.append(word)
            done += 1
        for word in " ".join(words).split(" "):
            if word in counts:
                counts[word] += 1
            else:
                counts[word] = 1
    by_length = {}
    best = ""
    best_count = 0
    for word in counts:
        c = counts[word]
        by_length[len(word)] = by_length.get(len(word), 0) + c
        if c > best_count or (c == best_count and word < best):
            best = word
            best_count = c
    return [len(counts), by_length.get(4, 0), by_length.get(6, 0), best_count, best]


def check(n, result):
    tally = [0] * (16 * 16 + 16 * 16 * 16)
    seed = 2024
    i = 0
    while i < n:
        seed = next_seed(seed)
        code = syllable(seed)
        seed = next_seed(seed)
        code = code * 16 + syllable(seed)
        seed = next_seed(seed)
        if ((seed >> 16) & 3) == 0:
            seed = next_seed(seed)
            code = 256 + code * 16 + syllable(seed)
        tally[code] += 1
        i += 1
    distinct = 0
    short = 0
    best_count = 0
    best_code = -1
    code = 0
    while code < len(tally):
        c = tally[code]
        if c > 0:
            distinct += 1
            if code < 256:
                short += c
            if c > best_count:
                best_count = c
                best_code = code
        code += 1
    # Ties: the smallest word. Two-syllable words are shorter, so compare by spelled-out words.
    best = ""
    code = 0
    while code < len(tally):
        if tally[code] == best_count and best_count > 0:
            if code < 256:
                word = SYLLABLES[code >> 4] + SYLLABLES[code & 15]
            else:
                rest = code - 256
                word = SYLLABLES[rest >> 8] + SYLLABLES[(rest >> 4) & 15] + SYLLABLES[rest & 15]
            if best == "" or word < best:
                best = word
        code += 1
    expected = [distinct, short, n - short, best_count, best]
    if result != expected:
        return "figures %r, expected %r" % (result, expected)
    return None


harness.bench("wordcount", {"tiny": 500, "small": 20000, "default": 400000}, run, check)
