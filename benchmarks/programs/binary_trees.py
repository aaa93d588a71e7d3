"""Allocation-heavy: builds and walks many complete binary trees (written for zvm).

One long-lived tree of the maximum depth stays alive while short-lived trees of every depth
are built, checked and dropped, so the collector sees a steady stream of garbage next to live
data. A tree of depth d has 2^(d+1) - 1 nodes; that count is the self-check, in closed form.
"""
import harness

MIN_DEPTH = 4


class Node:
    def __init__(self, left, right):
        self.left = left
        self.right = right


def build(depth):
    if depth == 0:
        return Node(None, None)
    return Node(build(depth - 1), build(depth - 1))


def count(node):
    if node.left is None:
        return 1
    return 1 + count(node.left) + count(node.right)


def run(max_depth):
    """Returns [nodes in the stretch tree, in the long-lived tree, then per depth the total]."""
    stretch = build(max_depth + 1)
    result = [count(stretch)]
    stretch = None
    long_lived = build(max_depth)
    depth = MIN_DEPTH
    totals = []
    while depth <= max_depth:
        iterations = 1 << (max_depth - depth + MIN_DEPTH)
        total = 0
        i = 0
        while i < iterations:
            total += count(build(depth))
            i += 1
        totals.append(total)
        depth += 2
    result.append(count(long_lived))
    return result + totals


def check(max_depth, result):
    expected = [(1 << (max_depth + 2)) - 1, (1 << (max_depth + 1)) - 1]
    depth = MIN_DEPTH
    while depth <= max_depth:
        expected.append((1 << (max_depth - depth + MIN_DEPTH)) * ((1 << (depth + 1)) - 1))
        depth += 2
    if result != expected:
        return "node counts %r, expected %r" % (result, expected)
    return None


harness.bench("binary_trees", {"tiny": 4, "small": 8, "default": 13}, run, check)
