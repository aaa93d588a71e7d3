/**
 * The virtual board: the Java implementation of {@link dev.zvm.vhal.Board} that tests, the CLI and
 * embedders run the VM against, with a host-side API to drive it (levels, edges, ADC values,
 * serial input) and observe it (pin listeners, serial output), SPI/I2C device models, a VCD trace
 * recorder, and stimulus files that schedule inputs in time.
 *
 * <p>It owns the electrical model of a pad ({@link dev.zvm.vhal.virtual.VirtualPad}) and the
 * threading rules of the board: any Java thread may drive it while the VM's carrier reads it.
 * It knows nothing of Python, of the kernel or of the VM; it starts no thread and reads time only
 * from the clock it is given.
 */
package dev.zvm.vhal.virtual;
