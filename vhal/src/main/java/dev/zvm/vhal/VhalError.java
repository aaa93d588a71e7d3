package dev.zvm.vhal;

/**
 * The kinds of hardware error, after Zerynth's VHAL return codes. The VM raises the exception of
 * the same name: {@code PeripheralError}, {@code InvalidPinError},
 * {@code InvalidHardwareStatusError}, {@code TimeoutError}, {@code HardwareInitializationError},
 * {@code UnsupportedError}. Bad argument values that are not pins (a negative period, an unknown
 * mode code) are {@link IllegalArgumentException}s instead, which the VM raises as
 * {@code ValueError}.
 */
public enum VhalError {
  /** A peripheral failed (Zerynth's {@code VHAL_GENERIC_ERROR}), e.g. an I2C address no one acknowledges. */
  PERIPHERAL,
  /** The pin does not exist on this board, or lacks the function asked of it. */
  INVALID_PIN,
  /** The peripheral is in the wrong state for the call, e.g. an SPI exchange with nothing selected. */
  HARDWARE_STATUS,
  /** A peripheral did not answer in time. */
  TIMEOUT,
  /** A peripheral could not be set up, e.g. an output sink that fails. */
  HARDWARE_INITIALIZATION,
  /** The board cannot do this at all, e.g. a pin mode it does not model. */
  UNSUPPORTED
}
