# The str paths that work a word at a time, and the compiled code's own paths (str % args, tuples
# and lists from the stack, slices, builtin classes called), under whatever collection schedule
# the test sets: every result is printed, so a piece lost to a collection shows.
def block(start, n):
    lines = []
    for i in range(start, start + n):
        name = ["ka", "lo", "mire", "caf\xe9"][i % 4] + "x" * (i % 5)
        lines.append("%s,%d, %s " % (name, i, name.upper()))
    return "\n".join(lines)


def digest(text):
    total = 0
    pieces = []
    for line in text.split("\n"):
        fields = line.split(",")
        total += int(fields[1])
        pieces.append(fields[2].strip()[1:4])
        pieces.append(str(len(fields[0])))
    words = text.replace(",", " ; ").split()
    return (total, len(words), "|".join(pieces[:12]), words[-3:], text[5:40], tuple(words[2:5]))


for start in range(0, 120, 40):
    t = block(start, 40)
    print(digest(t))
    print(t.find("mire"), t.count("ka"), t.rfind("x,"), t.replace("x", "").split(",", 3)[:3])
# expect: (780, 200, 'A|2|OX|3|IRE|6|AFÉ|7|AXX|6|O|2', ['39', ';', 'CAFÉXXXX'], ' KA \nlox,1, LOX \nmirexx,2, MIREXX \n', ('0', ';', 'KA'))
# expect: 22 10 654 ['ka', '0', ' KA \nlo']
# expect: (2380, 200, 'A|2|OX|3|IRE|6|AFÉ|7|AXX|6|O|2', ['79', ';', 'CAFÉXXXX'], ', KA \nlox,41, LOX \nmirexx,42, MIREX', ('40', ';', 'KA'))
# expect: 24 10 664 ['ka', '40', ' KA \nlo']
# expect: (3980, 200, 'A|2|OX|3|IRE|6|AFÉ|7|AXX|6|O|2', ['119', ';', 'CAFÉXXXX'], ', KA \nlox,81, LOX \nmirexx,82, MIREX', ('80', ';', 'KA'))
# expect: 24 10 683 ['ka', '80', ' KA \nlo']
