# user exception classes: hierarchies, catching by base, mixing with builtin bases


class AppError(Exception):
    pass


class ConfigError(AppError):
    pass


class MissingKey(ConfigError):
    pass


class NetworkError(AppError):
    pass


class Timeout(NetworkError):
    pass


def load(step):
    if step == 0:
        raise ConfigError("bad config")
    if step == 1:
        raise MissingKey("port")
    if step == 2:
        raise Timeout("slow")
    if step == 3:
        raise NetworkError
    if step == 4:
        raise AppError("generic")
    return "loaded"


for step in range(6):
    try:
        print(step, load(step))
    except Timeout as e:
        print(step, "timeout:", e)
    except MissingKey as e:
        print(step, "missing key:", e, isinstance(e, ConfigError))
    except ConfigError as e:
        print(step, "config:", e)
    except AppError as e:
        print(step, "app:", "[" + str(e) + "]", isinstance(e, NetworkError))
print(issubclass(Timeout, AppError), issubclass(Timeout, Exception), issubclass(AppError, Timeout))
print(issubclass(MissingKey, LookupError), isinstance(MissingKey("x"), ConfigError))


class ValidationError(ValueError):
    pass


try:
    raise ValidationError("must be positive")
except ValueError as e:
    print("caught as ValueError:", e, isinstance(e, ValidationError))
try:
    try:
        raise Timeout("t")
    except ConfigError:
        print("not a config error")
except NetworkError as e:
    print("outer caught", e)
