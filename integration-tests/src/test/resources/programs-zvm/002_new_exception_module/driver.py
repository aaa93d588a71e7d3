# helper module for 002_new_exception_module
new_exception(BusError, IOError, "bus not responding")
new_exception(BusBusy, BusError, "bus busy")


def start(mode):
    if mode == 0:
        raise BusError
    if mode == 1:
        raise BusBusy
    return "started"
