# and / or / not: short-circuit, returning operands, conditional expressions
trace = []


def t(name, value):
    trace.append(name)
    return value


print(1 and 2, 0 and 2, 1 or 2, 0 or 2, "" or "default", [] and "never", None or [])
print(t("a", False) and t("b", True), trace)
trace = []
print(t("a", True) or t("b", True), trace)
trace = []
print(t("a", 0) or t("b", "") or t("c", "found") or t("d", "late"), trace)
trace = []
print(t("a", 1) and t("b", 2) and t("c", 0) and t("d", 4), trace)
print(not 0, not 1, not "", not "x", not None, not not [], not [] and 5)
print(True and not False, (True or False) and not (False or False))
x = 7
r = "big" if x > 5 else "small"
print(r, "even" if x % 2 == 0 else "odd", (1 if x else 2) + 10)
trace = []
v = t("then", 1) if t("cond", False) else t("else", 2)
print(v, trace)
print([i if i % 2 else -i for i in range(6)])
name = ""
print(name or "anonymous", len(name and name.upper()))
cfg = {"debug": 0}
level = cfg.get("level") or cfg.get("debug") or 3
print(level)
print(1 < 2 and 2 < 3, 1 < 2 and 3 < 2 or "fallback", (0 or None) is None)
