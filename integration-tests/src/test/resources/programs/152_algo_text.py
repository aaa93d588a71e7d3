# text processing: word counts, palindromes, run-length encoding, caesar cipher, anagrams
text = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief"""
words = []
for raw in text.lower().split():
    w = raw.strip(",.")
    if w:
        words.append(w)
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1


def count_of(item):
    return (-item[1], item[0])


top = sorted(counts.items(), key=count_of)[:5]
print(top)
print(len(words), len(counts))


def is_palindrome(s):
    cleaned = ""
    for c in s.lower():
        if c.isalnum():
            cleaned += c
    return cleaned == cleaned[::-1]


for s in ["A man, a plan, a canal: Panama", "hello", "Was it a car or a cat I saw?", ""]:
    print(repr(s), is_palindrome(s))


def rle(s):
    if not s:
        return ""
    out = []
    prev = s[0]
    n = 1
    for c in s[1:]:
        if c == prev:
            n += 1
        else:
            out.append(str(n) + prev)
            prev = c
            n = 1
    out.append(str(n) + prev)
    return "".join(out)


def unrle(s):
    out = ""
    num = ""
    for c in s:
        if c.isdigit():
            num += c
        else:
            out += c * int(num)
            num = ""
    return out


enc = rle("aaabccddddde")
print(enc, unrle(enc), unrle(rle("x" * 12)) == "x" * 12)


def caesar(s, k):
    out = []
    for c in s:
        if "a" <= c <= "z":
            out.append(chr((ord(c) - ord("a") + k) % 26 + ord("a")))
        elif "A" <= c <= "Z":
            out.append(chr((ord(c) - ord("A") + k) % 26 + ord("A")))
        else:
            out.append(c)
    return "".join(out)


secret = caesar("Hello, World!", 13)
print(secret, caesar(secret, 13), caesar("xyz", -1))
groups = {}
for w in ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog"]:
    key = "".join(sorted(w))
    groups.setdefault(key, []).append(w)
print([g for g in groups.values() if len(g) > 1])
print("%-8s|%8s|" % ("left", "right"), "{:^10}".format("mid"), "-" * 10)
