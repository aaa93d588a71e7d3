package dev.zvm.vhal;

/**
 * Told when a serial port has something new for the VM: received bytes arrived, or transmit space
 * was freed. The VM wakes the Python threads waiting on that port, which try again. Called from the
 * thread that fed or drained the port: must not block.
 */
@FunctionalInterface
public interface SerialListener {
  void serialEventFromIsr(int portId);
}
