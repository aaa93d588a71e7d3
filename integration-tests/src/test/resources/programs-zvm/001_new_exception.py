# Zerynth-only: new_exception(Name, Parent[, "static message"]) declares an exception name in the
# image's exception tree at compile time and binds Name as a global. CPython has no new_exception,
# so the expected output (001_new_exception.exp) is written by hand, following DESIGN.md and
# issue 5: catching walks the tree to the parent; str(e) is the static message given to
# new_exception, or the message passed when raising Name("..."); no message gives "".
new_exception(SensorError, Exception, "sensor failed")
new_exception(SensorTimeout, SensorError, "sensor timed out")
new_exception(CalibrationError, ValueError)


def read(kind):
    if kind == 0:
        raise SensorTimeout
    if kind == 1:
        raise SensorError
    if kind == 2:
        raise CalibrationError
    if kind == 3:
        raise SensorError("explicit message")
    return 42


for k in range(5):
    try:
        print(k, "value", read(k))
    except SensorTimeout as e:
        print(k, "timeout:", e)
    except SensorError as e:
        print(k, "sensor:", e)
    except ValueError as e:
        print(k, "value error: [" + str(e) + "]", isinstance(e, CalibrationError))
try:
    read(0)
except Exception as e:
    print("Exception catches a new_exception descendant:", isinstance(e, SensorError))
try:
    read(0)
except (KeyError, SensorError):
    print("a new_exception name works in an except tuple")
print(issubclass(SensorTimeout, SensorError), issubclass(SensorError, SensorTimeout), issubclass(CalibrationError, ValueError))
