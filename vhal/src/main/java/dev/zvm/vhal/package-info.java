/**
 * The hardware abstraction: what the interpreter's natives ({@code pinMode}, {@code digitalRead},
 * {@code onPinRise}, {@code pwm.write}, {@code adc.read}, {@code streams}, {@code spi}, {@code i2c})
 * call. It owns the board definition (pin names and virtual pin numbers, as data the compiler turns
 * into constants), pin modes, edges, the {@link dev.zvm.vhal.Board} interface with its peripherals
 * ({@link dev.zvm.vhal.Gpio}, {@link dev.zvm.vhal.Pwm}, {@link dev.zvm.vhal.Adc},
 * {@link dev.zvm.vhal.SerialPort}, {@link dev.zvm.vhal.SpiBus}, {@link dev.zvm.vhal.I2cBus}), the
 * listeners a board calls from the thread that caused an event, and the errors a board raises
 * ({@link dev.zvm.vhal.VhalException} with a {@link dev.zvm.vhal.VhalError} kind).
 *
 * <p>It knows nothing of Python, of the kernel or of its clock beyond a {@code LongSupplier} of
 * nanoseconds. {@code dev.zvm.vhal.virtual} holds the Java implementation of a board.
 */
package dev.zvm.vhal;
