# Exceptions caught in a loop: the loop goes on whatever each step raises.
import timers

new_exception(SensorError, Exception, "sensor not ready")

def step(i):
    if i % 4 == 0:
        raise SensorError
    if i % 5 == 0:
        return 100 // (i - i)
    if i == 7:
        return [1, 2, 3][i]
    return i * i

errors = 0
for i in range(1, 13):
    try:
        print(i, "->", step(i))
    except SensorError as e:
        errors += 1
        print(i, "SensorError:", e)
    except ZeroDivisionError as e:
        errors += 1
        print(i, "ZeroDivisionError:", e)
    except Exception as e:
        errors += 1
        print(i, "other error:", type(e).__name__, e)
    finally:
        sleep(50)
print(errors, "errors, done at", timers.now(), "ms")
