# user exceptions with their own __init__, extra attributes and methods


class HttpError(Exception):
    def __init__(self, status, reason):
        Exception.__init__(self, "%d %s" % (status, reason))
        self.status = status
        self.reason = reason

    def is_client_error(self):
        return 400 <= self.status < 500


class NotFound(HttpError):
    def __init__(self, path):
        HttpError.__init__(self, 404, "Not Found")
        self.path = path


def fetch(path):
    if path == "/":
        return "index"
    if path.startswith("/admin"):
        raise HttpError(403, "Forbidden")
    if path.startswith("/boom"):
        raise HttpError(500, "Server Error")
    raise NotFound(path)


for p in ["/", "/admin/x", "/missing", "/boom"]:
    try:
        print(p, "->", fetch(p))
    except NotFound as e:
        print(p, "->", e, "| path:", e.path, "| client:", e.is_client_error())
    except HttpError as e:
        print(p, "->", e.status, e.reason, str(e), e.is_client_error())


class Counted(Exception):
    raised = 0

    def __init__(self, msg):
        Exception.__init__(self, msg)
        Counted.raised += 1


for i in range(3):
    try:
        raise Counted("n" + str(i))
    except Counted as e:
        pass
print(Counted.raised)


class WithStr(Exception):
    def __str__(self):
        return "custom text"


try:
    raise WithStr()
except WithStr as e:
    print(e, str(e))
