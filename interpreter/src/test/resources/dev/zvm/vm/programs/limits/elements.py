# sequences and dicts hold at most 65535 elements, as in Zerynth; past that, OverflowError
# heap: 8388608
big = [0] * 65535
print(len(big))
for attempt in ["append", "repeat", "str", "dict"]:
    try:
        if attempt == "append":
            big.append(1)
        elif attempt == "repeat":
            x = [0] * 65536
        elif attempt == "str":
            s = "ab" * 40000
        else:
            d = {}
            for i in range(65536):
                d[i] = i
    except OverflowError as e:
        print(attempt, "->", e)
print(len(big))
# expect: 65535
# expect: append -> list too long: at most 65535 elements
# expect: repeat -> list too long: at most 65535 elements
# expect: str -> str too long: at most 65535 elements
# expect: dict -> dict too long: at most 65535 elements
# expect: 65535
