# helper module for 143_imports_state: a body with side effects and mutable module state
print("registry module body runs")
load_count = 1
LIMIT = 10
_entries = []


def register(name):
    if len(_entries) >= LIMIT:
        return False
    _entries.append(name)
    return True


def names():
    return list(_entries)
