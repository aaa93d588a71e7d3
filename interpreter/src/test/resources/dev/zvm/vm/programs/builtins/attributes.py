# getattr, setattr, hasattr, delattr with literal names
class Box:
    size = 3
    def __init__(self):
        self.color = "red"
b = Box()
print(getattr(b, "color"), getattr(b, "size"), getattr(b, "missing", "dflt"), hasattr(b, "color"), hasattr(b, "nope"))
setattr(b, "color", "blue")
setattr(b, "weight", 12)
print(b.color, b.weight, hasattr(b, "weight"))
delattr(b, "weight")
print(hasattr(b, "weight"))
try:
    getattr(b, "weight")
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(Box, "size"), getattr([], "append") is not None)

# expect: red 3 dflt True False
# expect: blue 12 True
# expect: False
# expect: AttributeError: 'Box' object has no attribute 'weight'
# expect: 3 True
