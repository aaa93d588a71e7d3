package dev.zvm.kernel;

/**
 * An intrusive list that a task can be in: the ready queues or one wait queue. A task is in at most one
 * list at a time, linked through {@link Task#prev}/{@link Task#next}, with {@link Task#list} naming the list.
 */
interface TaskList
{
    /** Unlinks {@code task}, which must be in this list. */
    void remove(Task task);
}
