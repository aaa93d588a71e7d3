/**
 * The bounded heap: object headers, allocation, mark-and-sweep, the roots interface and pause statistics.
 * It sees only slots and bytes, never Python types.
 */
package dev.zvm.gc;
