/**
 * VOSAL, the OS abstraction the VM is written against (Zerynth's {@code vosal.h}): threads, semaphores,
 * mutexes, mailboxes, byte FIFOs, events, system timers, interrupt lines, the ISR-safe calls and system
 * time, all obtained from one {@link dev.zvm.vosal.Vosal} system. It is implemented over
 * {@code dev.zvm.kernel} but exposes none of its types: code above VOSAL (vhal, the interpreter) must not
 * import the kernel. It knows nothing of Python.
 *
 * <h2>Threads are bodies</h2>
 * A {@link dev.zvm.vosal.VThread} runs a {@link dev.zvm.vosal.VThreadBody} on the system's single carrier
 * thread, one thread at a time (this is the VM's GIL). The body is called each time the thread is
 * scheduled and keeps its own progress between calls:
 * <ul>
 *   <li>it calls {@link dev.zvm.vosal.Vosal#shouldYield()} at safe points and returns {@code true} when
 *       that says so (a higher-priority thread is ready, the quantum is spent, the system stops);</li>
 *   <li>a blocking call ({@code waitTimeout}, {@code lock}, {@code fetchTimeout}, {@code getTimeout},
 *       {@code putTimeout}, {@code postTimeout}, {@code join}, {@code Vosal.sleep}) returns
 *       {@link dev.zvm.vosal.VRes#OK} or {@link dev.zvm.vosal.VRes#TIMEOUT} when it completes at once, or
 *       {@link dev.zvm.vosal.VRes#PENDING} when it has parked the thread: the body returns {@code true}, and
 *       at its next call {@link dev.zvm.vosal.VThread#waitResult()} says OK, TIMEOUT or RESET (with the
 *       message in {@link dev.zvm.vosal.VThread#takeMessage()} or the byte in
 *       {@link dev.zvm.vosal.VThread#waitValue()});</li>
 *   <li>it returns {@code false} when the thread has finished.</li>
 * </ul>
 *
 * <h2>Other Java threads</h2>
 * Only the {@code ...FromIsr} calls ({@code signalFromIsr}, {@code postFromIsr}, {@code putFromIsr},
 * {@code setFromIsr}, {@code resumeFromIsr}, {@code raiseFromIsr}) and {@link dev.zvm.vosal.Vosal#stop()}
 * may be called from other threads. They are lock-free, allocate nothing, report a full bound by returning
 * false (and counting it), and wake an idle carrier.
 */
package dev.zvm.vosal;
