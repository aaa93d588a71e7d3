package dev.zvm.vm;

/** An image the VM cannot run: it fails verification, or it needs a native this VM lacks. */
public final class VmLoadException extends RuntimeException {
  public VmLoadException(String message) {
    super(message);
  }

  public VmLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
