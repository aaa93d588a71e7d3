# Zerynth-only: an exception declared with new_exception in one module is raised there and caught
# in another, by its own name and by its parent. Expected output written by hand (see
# ../001_new_exception.py for the assumed semantics).
import driver

try:
    driver.start(0)
except driver.BusError as e:
    print("bus error:", e)
try:
    driver.start(1)
except IOError as e:
    print("caught by parent IOError:", e)
print(driver.start(2))
