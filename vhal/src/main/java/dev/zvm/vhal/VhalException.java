package dev.zvm.vhal;

import java.util.Objects;

/**
 * A hardware error raised by a board: a {@link VhalError} kind and a message in Agrona's
 * {@code key=value} style naming the pin or peripheral. The VM turns it into the Python exception
 * of its kind, so it carries no stack trace (it is a value crossing into the script, not a bug).
 */
public final class VhalException extends RuntimeException {
  private final VhalError kind;

  public VhalException(VhalError kind, String message) {
    super(message, null, false, false);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public VhalError kind() {
    return kind;
  }
}
