package dev.zvm.bytecode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A whole program, as the compiler produces it and the VM loads it: the one contract between the
 * two. {@link ImageWriter} turns it into bytes and {@link ImageReader} back, verifying everything
 * first. Module 0 is {@code __main__}; {@link #builtinsModule} names the module whose globals
 * {@link Opcodes#LOAD_BUILTIN} reads.
 *
 * @param flags {@code FLAG_*} bits
 * @param names the name table: name id to string; when stripped, entries may be {@code null}
 *     except those the VM needs (see {@link #FLAG_NAMES_STRIPPED})
 * @param constants the constant pool
 * @param codes every code object
 * @param modules the module table
 * @param builtinsModule index of the builtins module in {@code modules}
 * @param exceptions the exception tree; the first {@link ExceptionTree#BUILTIN_COUNT} entries are
 *     {@link ExceptionTree}'s builtins, in its order
 * @param natives names of the Java natives the program uses, bound by the VM at load
 * @param resources named byte blobs shipped with the program
 */
public record Image(
    int flags,
    List<String> names,
    List<Constant> constants,
    List<CodeObject> codes,
    List<Module> modules,
    int builtinsModule,
    List<ExceptionClass> exceptions,
    List<String> natives,
    List<Resource> resources) {

  /** The name table keeps only the names the VM needs at run time: attributes and keywords. */
  public static final int FLAG_NAMES_STRIPPED = 1;

  /**
   * A module: its name, the source file it came from (for tracebacks), its body's code index,
   * and the name id of each of its global slots.
   */
  public record Module(int nameId, String file, int bodyCode, int[] globalNames) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Module m
          && nameId == m.nameId
          && bodyCode == m.bodyCode
          && Objects.equals(file, m.file)
          && Arrays.equals(globalNames, m.globalNames);
    }

    @Override
    public int hashCode() {
      return Objects.hash(nameId, file, bodyCode, Arrays.hashCode(globalNames));
    }

    @Override
    public String toString() {
      return "Module[nameId=" + nameId + ", file=" + file + ", bodyCode=" + bodyCode + ", globals="
          + Arrays.toString(globalNames) + "]";
    }
  }

  /** An entry of the exception tree: its name id, its parent's index (the root is its own). */
  public record ExceptionClass(int nameId, int parent, String defaultMessage) {}

  /** A named resource (Zerynth's {@code new_resource}). */
  public record Resource(String name, byte[] data) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Resource r && Objects.equals(name, r.name) && Arrays.equals(data, r.data);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
      return "Resource[" + name + ", " + (data == null ? "null" : data.length + " bytes") + "]";
    }
  }

  public Image {
    names = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(names, "names")));
    constants = List.copyOf(constants);
    codes = List.copyOf(codes);
    modules = List.copyOf(modules);
    exceptions = List.copyOf(exceptions);
    natives = List.copyOf(natives);
    resources = List.copyOf(resources);
  }

  /** The name for {@code id}, or {@code "#id"} when the table was stripped of it. */
  public String name(int id) {
    String n = id >= 0 && id < names.size() ? names.get(id) : null;
    return n != null ? n : "#" + id;
  }
}
