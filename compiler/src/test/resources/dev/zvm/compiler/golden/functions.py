def area(w, h=2, *rest, scale=1, **opts):
    "Docstrings are dropped."
    return w * h * scale

def describe(*args, **kwargs):
    return len(args), sorted(kwargs)

print(area(3), area(3, 4, scale=2))
print(describe(*[1, 2], **{"a": 1}))
