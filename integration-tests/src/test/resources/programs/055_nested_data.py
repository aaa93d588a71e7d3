# nested data structures: records in lists and dicts, matrices, grouping
people = [
    {"name": "Ann", "age": 31, "tags": ["admin", "dev"]},
    {"name": "Bob", "age": 25, "tags": ["dev"]},
    {"name": "Cid", "age": 42, "tags": []},
]
for p in people:
    print(p["name"], p["age"], len(p["tags"]), ",".join(p["tags"]))
people[1]["tags"].append("ops")
people[2]["age"] += 1
print(people)
by_tag = {}
for p in people:
    for t in p["tags"]:
        if t not in by_tag:
            by_tag[t] = []
        by_tag[t].append(p["name"])
print(by_tag)
grid = []
for r in range(4):
    row = []
    for c in range(5):
        row.append(r * c)
    grid.append(row)
print(grid)
transposed = []
for c in range(5):
    transposed.append([row[c] for row in grid])
print(transposed)
col_sums = [0] * 5
for row in grid:
    for c in range(5):
        col_sums[c] += row[c]
print(col_sums)
tree = {"value": 1, "children": [{"value": 2, "children": []}, {"value": 3, "children": [{"value": 4, "children": []}]}]}


def tree_sum(node):
    total = node["value"]
    for ch in node["children"]:
        total += tree_sum(ch)
    return total


print(tree_sum(tree))
inventory = {"fruit": {"apple": 3, "pear": 0}, "veg": {"kale": 2}}
inventory["veg"]["leek"] = 5
inventory["fruit"]["pear"] += 4
print(inventory, sum([sum(list(v.values())) for v in inventory.values()]))
t = ([1, 2], {"k": (3, 4)}, "s")
t[0].append(9)
t[1]["j"] = None
print(t)
