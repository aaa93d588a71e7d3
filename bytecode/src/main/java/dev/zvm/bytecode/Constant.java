package dev.zvm.bytecode;

import java.util.Arrays;

/**
 * An entry of the image's constant pool: an int (64-bit), a float (double), a str or a bytes.
 * Equal constants of the same type are pooled once ({@code 1} and {@code 1.0} stay apart).
 */
public sealed interface Constant {
  record Int(long value) implements Constant {}

  record Float(double value) implements Constant {
    @Override
    public boolean equals(Object o) {
      // Bitwise, so that 0.0 and -0.0 stay apart and NaN equals itself for pooling.
      return o instanceof Float f
          && Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(f.value);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(Double.doubleToRawLongBits(value));
    }
  }

  record Str(String value) implements Constant {}

  record Bytes(byte[] value) implements Constant {
    @Override
    public boolean equals(Object o) {
      return o instanceof Bytes b && Arrays.equals(value, b.value);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return "Bytes[" + value.length + "]";
    }
  }
}
