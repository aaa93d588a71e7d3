package dev.zvm.compiler;

import dev.zvm.bytecode.Constant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One code object under construction: the instruction list {@link CodeGen} emits, with symbolic
 * operands (names as strings, constants as values, jump targets as labels, other code units by
 * reference) that the {@link Linker} turns into ids and indices, and the {@link Assembler} into
 * bytes. Definition sites ({@code def}/{@code class} statements, native bindings) are bracketed so
 * that the linker can remove the ones no reachable code names.
 */
final class CodeUnit {

  /** A jump target; {@code pc} is set by the assembler. */
  static final class Label {
    int pc = -1;
  }

  /** Pseudo-opcodes that occupy no bytes. */
  static final int LABEL = -1;

  static final int DEF_BEGIN = -2;
  static final int DEF_END = -3;

  /**
   * One instruction. {@code ref} holds the symbolic operand 0: a String (name, native name), a
   * {@link Constant}, a {@link Label}, a {@link CodeUnit}, a {@link ModuleRef}, or a {@link DefSite}
   * for the pseudo-opcodes. {@code arg0}/{@code arg1} hold numeric operands.
   */
  static final class Insn {
    final int op;
    int arg0;
    final int arg1;
    final Object ref;
    final int line;

    Insn(int op, int arg0, int arg1, Object ref, int line) {
      this.op = op;
      this.arg0 = arg0;
      this.arg1 = arg1;
      this.ref = ref;
      this.line = line;
    }
  }

  /** A module, named by its unit, as IMPORT_NAME's operand. */
  record ModuleRef(ModuleUnit module) {}

  /** How a definition site binds its result, for reachability. */
  enum BindKind {
    GLOBAL, // a module global (by name) of the code's module
    LOCAL, // a fast local of the code (function local, or class namespace entry)
    NONE // kept unconditionally
  }

  /**
   * A definition site: the instructions between its DEF_BEGIN and DEF_END make one function,
   * class or native and store it under {@code name}. {@code child} is the code unit created (null
   * for a native).
   */
  static final class DefSite {
    final CodeUnit owner;
    final CodeUnit child;
    final String nativeName;
    final BindKind bind;
    final String name;
    /** False when removing the site could change behaviour (defaults with side effects). */
    final boolean pure;
    boolean live;

    DefSite(CodeUnit owner, CodeUnit child, String nativeName, BindKind bind, String name, boolean pure) {
      this.owner = owner;
      this.child = child;
      this.nativeName = nativeName;
      this.bind = bind;
      this.name = name;
      this.pure = pure;
    }
  }

  /** An exception-table entry over labels; {@code depth} is the stack depth to reset to. */
  record HandlerEntry(Label start, Label end, Label handler, int depth) {}

  final ModuleUnit module;
  final int kind;
  final String name;
  final List<Insn> code = new ArrayList<>();
  final List<HandlerEntry> handlers = new ArrayList<>();
  final List<String> localNames = new ArrayList<>();
  final List<DefSite> defSites = new ArrayList<>();
  /** Attribute names this code uses without an instruction naming them (getattr and friends). */
  final Set<String> extraNames = new HashSet<>();

  int flags;
  int argCount;
  int kwOnlyCount;
  int firstLine;

  /** Set by the linker: index in the image, -1 while unassigned or dropped. */
  int index = -1;

  CodeUnit(ModuleUnit module, int kind, String name) {
    this.module = module;
    this.kind = kind;
    this.name = name;
  }

  int local(String n) {
    int i = localNames.indexOf(n);
    if (i >= 0) {
      return i;
    }
    localNames.add(n);
    return localNames.size() - 1;
  }

  /** A new hidden local (never a Python-visible name: it starts with '$'). */
  int hiddenLocal(String hint) {
    String n = "$" + hint + localNames.size();
    localNames.add(n);
    return localNames.size() - 1;
  }

  Insn emit(int op, int arg0, int arg1, Object ref, int line) {
    Insn i = new Insn(op, arg0, arg1, ref, line);
    code.add(i);
    return i;
  }

  void place(Label l) {
    code.add(new Insn(LABEL, 0, 0, l, 0));
  }

  @Override
  public String toString() {
    return "CodeUnit[" + name + "]";
  }
}
