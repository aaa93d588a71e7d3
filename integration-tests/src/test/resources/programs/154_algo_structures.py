# data structures as classes: linked list with the container protocol, stack, queue, bracket matching


class Node:
    def __init__(self, value, nxt):
        self.value = value
        self.next = nxt


class LinkedList:
    def __init__(self):
        self.head = None
        self.size = 0

    def push_front(self, v):
        self.head = Node(v, self.head)
        self.size += 1

    def append(self, v):
        node = Node(v, None)
        if self.head is None:
            self.head = node
        else:
            cur = self.head
            while cur.next is not None:
                cur = cur.next
            cur.next = node
        self.size += 1

    def __len__(self):
        return self.size

    def __getitem__(self, i):
        if i < 0 or i >= self.size:
            raise IndexError("linked list index out of range")
        cur = self.head
        for _ in range(i):
            cur = cur.next
        return cur.value

    def __iter__(self):
        return LinkedIter(self.head)

    def __contains__(self, v):
        for x in self:
            if x == v:
                return True
        return False

    def reverse(self):
        prev = None
        cur = self.head
        while cur is not None:
            nxt = cur.next
            cur.next = prev
            prev = cur
            cur = nxt
        self.head = prev

    def __str__(self):
        return "(" + " -> ".join([str(v) for v in self]) + ")"


class LinkedIter:
    def __init__(self, node):
        self.node = node

    def __iter__(self):
        return self

    def __next__(self):
        if self.node is None:
            raise StopIteration
        v = self.node.value
        self.node = self.node.next
        return v


ll = LinkedList()
for i in range(5):
    ll.append(i * i)
ll.push_front(-1)
print(ll, len(ll), ll[0], ll[3], 9 in ll, 10 in ll)
ll.reverse()
print(ll, list(ll), sum(ll))
try:
    ll[99]
except IndexError as e:
    print("IndexError:", e)


class Queue:
    def __init__(self):
        self.inbox = []
        self.outbox = []

    def put(self, v):
        self.inbox.append(v)

    def get(self):
        if not self.outbox:
            while self.inbox:
                self.outbox.append(self.inbox.pop())
        return self.outbox.pop()

    def __len__(self):
        return len(self.inbox) + len(self.outbox)


q = Queue()
for c in "abc":
    q.put(c)
print(q.get(), len(q))
q.put("d")
out = []
while q:
    out.append(q.get())
print(out)


def balanced(s):
    pairs = {")": "(", "]": "[", "}": "{"}
    stack = []
    for c in s:
        if c in "([{":
            stack.append(c)
        elif c in pairs:
            if not stack or stack.pop() != pairs[c]:
                return False
    return not stack


for s in ["([]{})", "([)]", "((", "", "{[()()]}", "}"]:
    print(repr(s), balanced(s))
