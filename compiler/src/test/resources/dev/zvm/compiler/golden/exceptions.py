new_exception(SensorError, IOError, "sensor failed")

def read(n):
    try:
        if n < 0:
            raise SensorError
        return 10 // n
    except (ZeroDivisionError, ValueError) as e:
        print("bad", e)
        raise
    finally:
        print("done", n)

try:
    read(0)
except ZeroDivisionError:
    pass
