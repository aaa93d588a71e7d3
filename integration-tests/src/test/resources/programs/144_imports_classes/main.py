# classes and exception classes from another module: subclassing across modules, catching its errors
import store
from store import Store, OutOfStock


class CountingStore(Store):
    def __init__(self):
        Store.__init__(self)
        self.sales = 0

    def sell(self, item, n):
        r = Store.sell(self, item, n)
        self.sales += n
        return r


s = CountingStore()
s.stock("apple", 5)
s.stock("pear", 1)
print(s.sell("apple", 2), s.sales, s.level("apple"))
try:
    s.sell("pear", 3)
except OutOfStock as e:
    print("OutOfStock:", e, e.item, isinstance(e, store.StoreError))
try:
    s.sell("plum", 1)
except store.StoreError as e:
    print("StoreError:", e)
print(isinstance(s, store.Store), issubclass(CountingStore, Store), s.sales)
