/**
 * The hardware abstraction: boards, pins, pin modes, edge interrupts with debounce, PWM, ADC, serial
 * ports, SPI/I2C buses, and a virtual board for tests and embedders. It knows nothing of Python.
 */
package dev.zvm.vhal;
