# a small simulation mixing classes, exceptions, formatting, sorting and dicts


class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        Exception.__init__(self, "needed %d, available %d" % (needed, available))
        self.needed = needed


class AccountLocked(Exception):
    pass


class Account:
    next_id = 1

    def __init__(self, owner, balance=0):
        self.id = Account.next_id
        Account.next_id += 1
        self.owner = owner
        self.balance = balance
        self.locked = False
        self.history = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("dep", amount))

    def withdraw(self, amount):
        if self.locked:
            raise AccountLocked(self.owner)
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        self.history.append(("wd", amount))

    def __repr__(self):
        return "Account(%d, %r, %d)" % (self.id, self.owner, self.balance)

    def __lt__(self, other):
        return self.balance < other.balance


class Bank:
    def __init__(self):
        self.accounts = {}

    def open(self, owner, balance=0):
        acc = Account(owner, balance)
        self.accounts[acc.id] = acc
        return acc

    def transfer(self, src, dst, amount):
        a = self.accounts[src]
        b = self.accounts[dst]
        try:
            a.withdraw(amount)
        except InsufficientFunds as e:
            return "failed: " + str(e)
        b.deposit(amount)
        return "ok"

    def total(self):
        t = 0
        for acc in self.accounts.values():
            t += acc.balance
        return t


bank = Bank()
alice = bank.open("alice", 100)
bob = bank.open("bob")
carol = bank.open("carol", 50)
print(bank.transfer(1, 2, 30), bank.transfer(2, 3, 100), bank.transfer(3, 1, 50))
print(sorted(bank.accounts.values()), bank.total())
carol.locked = True
try:
    carol.withdraw(1)
except AccountLocked as e:
    print("locked:", e)
try:
    bob.deposit(-5)
except ValueError as e:
    print("rejected:", e)
try:
    bank.transfer(1, 99, 1)
except KeyError:
    print("no such account")
print(alice.history, bob.history, carol.history)
print(max(bank.accounts.values()).owner, min(bank.accounts.values()).owner)
for acc in sorted(bank.accounts.values(), reverse=True):
    print("%-6s %5d %s" % (acc.owner, acc.balance, "locked" if acc.locked else "open"))
