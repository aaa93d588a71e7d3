# an exception raised at the bottom of a deep call chain is caught at the top
def down(n):
    if n == 0:
        raise KeyError("from the bottom")
    return down(n - 1) + 1


try:
    down(900)
except KeyError as e:
    print("caught at the top:", e)
print(down.__name__, "still works:", 1 + 1)

# expect: caught at the top: 'from the bottom'
# expect: down still works: 2
