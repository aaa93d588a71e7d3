/**
 * VOSAL, the OS abstraction the VM is written against: threads, semaphores, mutexes, mailboxes, FIFOs,
 * events, timers, ISR-safe calls and system time. It hides which kernel is underneath and knows nothing of Python.
 */
package dev.zvm.vosal;
