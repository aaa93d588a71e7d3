# keyword arguments: any order, mixed with positional, errors for duplicates and unknowns


def describe(name, age, city="nowhere"):
    return name + " (" + str(age) + ") from " + city


print(describe("Ann", 30))
print(describe(age=25, name="Bob"))
print(describe("Cy", city="Oslo", age=40))
print(describe("Di", 22, city="Rome"))
print(describe(city="Lima", age=1, name="Ed"))


def point(x=0, y=0, z=0):
    return [x, y, z]


print(point(), point(z=5), point(1, z=3), point(y=2, x=1))
try:
    describe("Ann", name="Bob", age=1)
except TypeError:
    print("multiple values for an argument is a TypeError")
try:
    describe("Ann", 1, country="X")
except TypeError:
    print("unexpected keyword is a TypeError")
try:
    describe("Ann")
except TypeError:
    print("missing argument is a TypeError")
print(sorted([3, 1, 2], reverse=True), int("ff", base=16), "x".join(["a", "b"]))
print(dict(one=1, two=2), max([1, 5, 3]))


class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount, note="deposit"):
        self.balance += amount
        return note + ":" + str(amount)


acc = Account(balance=5, owner="Zed")
print(acc.owner, acc.balance, acc.deposit(note="bonus", amount=10), acc.balance)
