/**
 * The kernel: tasks, priorities, ready queues, time quanta, wait queues, semaphores, mutexes with
 * priority inheritance, events, mailboxes, virtual timers, clocks, the ISR gateway, idle strategies and
 * scheduling metrics. A library in its own right: it knows nothing of Python, bytecode or heaps.
 */
package dev.zvm.kernel;
