/**
 * The kernel: tasks, priorities, ready queues, time quanta, wait queues, semaphores, mutexes with
 * priority inheritance, event flags, mailboxes, byte FIFOs, virtual timers, clocks, the ISR gateway, idle
 * strategies and scheduling metrics. A library in its own right: it knows nothing of Python, bytecode,
 * heaps or VOSAL, and a Java service may use it directly.
 *
 * <h2>Shape</h2>
 * One {@link dev.zvm.kernel.Kernel} has one carrier thread (the caller of {@code run()}, or an Agrona
 * agent runner). Task bodies run on it one at a time, cooperatively: strict priorities (32 levels,
 * 31 highest), FIFO within a priority, round-robin among equals by quantum. Other threads enter only
 * through the ISR gateway ({@code ...FromIsr} calls) and {@code stop()}.
 *
 * <h2>The body protocol</h2>
 * A {@link dev.zvm.kernel.TaskBody} is a method the kernel calls each time it schedules the task; the body
 * keeps its own progress between calls (the interpreter keeps it in its frames: it is stackless).
 * <ol>
 *   <li><b>Run.</b> The body does work and calls {@link dev.zvm.kernel.Kernel#shouldYield()} at safe points
 *       (the interpreter: backward jumps, calls, every N instructions). Each call counts toward the quantum
 *       and, under a virtual clock, advances time by the safe-point cost.</li>
 *   <li><b>Yield.</b> When {@code shouldYield()} says true (a higher-priority task is ready, the quantum is
 *       spent, the kernel stops, or a handler suspended or terminated the task) the body saves its progress
 *       and returns {@code true}. Returning {@code true} at any other time is a voluntary yield. A task
 *       preempted before its quantum is spent goes back to the head of its priority's queue; one whose
 *       quantum is spent, or that yielded, goes behind its peers.</li>
 *   <li><b>Block.</b> A blocking call ({@code Semaphore.acquire}, {@code Mutex.lock},
 *       {@code EventFlags.await}, {@code Mailbox.post/fetch}, {@code ByteFifo.put/get}, {@code Task.join},
 *       {@code Kernel.sleep}) never blocks the carrier. It returns {@link dev.zvm.kernel.WaitResult#OK} or
 *       {@link dev.zvm.kernel.WaitResult#TIMEOUT} when it completes at once, or
 *       {@link dev.zvm.kernel.WaitResult#PENDING} when it has parked the task (BLOCKED or DELAYED): the body
 *       must then save its progress and return {@code true}; it may not block again in the same run.</li>
 *   <li><b>Resume.</b> When the wait ends the task becomes READY and the kernel calls the body again.
 *       {@link dev.zvm.kernel.Task#waitResult()} says how the wait ended: OK, TIMEOUT, or RESET (the object
 *       was reset or destroyed). What the wait delivered is in {@link dev.zvm.kernel.Task#waitValue()}
 *       (event flags, a FIFO byte) or {@link dev.zvm.kernel.Task#takeMessage()} (a mailbox message).</li>
 *   <li><b>Finish.</b> Returning {@code false} terminates the task (its mutexes pass on, its joiners
 *       wake). A body that throws is terminated the same way; the failure is counted, kept in
 *       {@link dev.zvm.kernel.Task#failure()} and given to the kernel's {@link dev.zvm.kernel.FailureHandler}.</li>
 * </ol>
 * <pre>{@code
 * TaskBody consumer = self -> {
 *     if (waiting) {                        // resumed after a PENDING wait
 *         waiting = false;
 *         if (self.waitResult() != WaitResult.OK) return false;     // TIMEOUT or RESET
 *         handle(self.takeMessage());
 *     }
 *     for (;;) {
 *         int r = mailbox.fetch(Kernel.FOREVER);
 *         if (r == WaitResult.PENDING) { waiting = true; return true; }
 *         handle(self.takeMessage());
 *         if (kernel.shouldYield()) return true;
 *     }
 * };
 * }</pre>
 *
 * <h2>Calling contexts (every entry point's javadoc says which applies)</h2>
 * <ul>
 *   <li><b>Task body</b>: blocking calls, {@code shouldYield}, {@code Mutex.unlock}.</li>
 *   <li><b>Carrier-side</b>: a task body, an interrupt handler or a timer callback on the carrier; or any
 *       one thread while the kernel is not running (set-up). Never block; may make the running body's next
 *       safe point say yield.</li>
 *   <li><b>Interrupt context</b>: {@link dev.zvm.kernel.InterruptHandler}s and
 *       {@link dev.zvm.kernel.TimerCallback}s run on the carrier between bodies or inside a body's safe
 *       point; carrier-side calls only, a blocking call throws.</li>
 *   <li><b>Any thread</b>: the {@code ...FromIsr} calls, lock-free and allocation-free;
 *       {@code Kernel.stop()}; the metrics.</li>
 * </ul>
 * Misuse (a blocking call outside a task body, a carrier-side call from another thread, a mutex released
 * by a task that does not own it, a destroyed object, an out-of-range priority or negative timeout) throws
 * an {@link java.lang.IllegalStateException} or {@link java.lang.IllegalArgumentException} with the
 * details, before anything changes. {@link dev.zvm.kernel.Kernel#checkConsistency()} checks every
 * invariant; with {@code -Dzvm.kernel.debug=true} it runs after every dispatch.
 *
 * <h2>Time</h2>
 * Everything timed goes through the kernel's {@link dev.zvm.kernel.Clock}: a
 * {@link dev.zvm.kernel.RealClock} or a {@link dev.zvm.kernel.VirtualClock}, under which an idle kernel
 * jumps to its next deadline and a run is reproducible. Timers sit on Agrona's {@code DeadlineTimerWheel}.
 *
 * <h2>What it must not know</h2>
 * Python, bytecode, heaps, VOSAL, VHAL. Nothing here may import another zvm package.
 */
package dev.zvm.kernel;
