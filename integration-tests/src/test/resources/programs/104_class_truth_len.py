# truthiness of instances: __len__ decides when defined, otherwise always true


class Stack:
    def __init__(self):
        self.items = []

    def push(self, x):
        self.items.append(x)

    def pop(self):
        return self.items.pop()

    def __len__(self):
        return len(self.items)


s = Stack()
print(bool(s), len(s), "empty" if not s else "non-empty")
s.push(1)
s.push(2)
print(bool(s), len(s), "empty" if not s else "non-empty")
while s:
    print("popped", s.pop())
print(len(s), s or "fallback")


class Always:
    pass


print(bool(Always()), not Always(), Always() and "and-result")
