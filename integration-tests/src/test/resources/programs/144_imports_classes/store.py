# helper module for 144_imports_classes


class StoreError(Exception):
    pass


class OutOfStock(StoreError):
    def __init__(self, item, wanted, have):
        StoreError.__init__(self, "%s: wanted %d, have %d" % (item, wanted, have))
        self.item = item


class Store:
    def __init__(self):
        self.items = {}

    def stock(self, item, n):
        self.items[item] = self.items.get(item, 0) + n

    def level(self, item):
        return self.items.get(item, 0)

    def sell(self, item, n):
        if item not in self.items:
            raise StoreError("unknown item " + item)
        if self.items[item] < n:
            raise OutOfStock(item, n, self.items[item])
        self.items[item] -= n
        return "sold %d %s" % (n, item)
