package dev.zvm.vhal;

/**
 * Told when a board gains work due at a time (a debounce period, the end of a PWM pulse train, a
 * scheduled stimulus), so a kernel timer can call {@link Board#poll(long)} then. Called from the
 * thread that created the work, possibly under a board lock: must not block. The deadline may be
 * later than others the board already has; the kernel only needs the earliest
 * ({@link Board#nextDeadlineNanos()}).
 */
@FunctionalInterface
public interface DeadlineListener {
  void deadlineFromIsr(long deadlineNanos);
}
