# running out of heap raises MemoryError in the script, which may catch it and go on
# heap: 65536
keep = []
try:
    while True:
        keep.append([1, 2, 3, 4, 5, 6, 7, 8])
except MemoryError:
    n = len(keep)
    keep = None
    print("MemoryError after", n > 500, "allocations")
print("recovered", sum([1, 2, 3]))
# expect: MemoryError after True allocations
# expect: recovered 6
