# Pulse-width modulation on the board's PWM pins (D3.PWM, or a pin whose pad has PWM).

@native("pwm._start")
def _start(pin, period, pulse, time_unit, npulses): pass

@native("pwm._wait_until")
def _wait_until(end): pass

# Starts a pulse of `pulse` every `period` (in time_unit) on `pin`, npulses times, or without end
# when npulses is 0. A period or pulse of 0, or a pulse longer than the period, stops the output.
# With npulses > 0 the call returns when the last pulse is out.
def write(pin, period, pulse, time_unit=MILLIS, npulses=0):
    end = _start(pin, period, pulse, time_unit, npulses)
    if npulses > 0:
        _wait_until(end)
