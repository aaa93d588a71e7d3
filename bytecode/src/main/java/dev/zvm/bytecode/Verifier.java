package dev.zvm.bytecode;

import static dev.zvm.bytecode.ImageFormat.MAX_CODE_LENGTH;
import static dev.zvm.bytecode.ImageFormat.MAX_STR16_BYTES;
import static dev.zvm.bytecode.ImageFormat.MAX_U16;
import static dev.zvm.bytecode.ImageFormat.MAX_U16_TABLE;

import java.util.Arrays;
import java.util.List;

/**
 * Proves an image safe to run, so the interpreter can trust what it executes (DESIGN.md: "fail at
 * the boundary"). {@link ImageReader} runs it on every image it reads and {@link ImageWriter} on
 * every image it writes; the compiler may run it on what it builds.
 *
 * <p>What it checks, in this order; the first failure throws a {@link BadImageException} naming
 * the check and the place:
 *
 * <ol>
 *   <li>Tables: known image flags; at most {@link ImageFormat#MAX_U16_TABLE} names, codes,
 *       modules, exceptions and natives; absent names only in a stripped image; string lengths
 *       that fit the format; at least one code object and one module; the builtins module in
 *       range.
 *   <li>Modules: name id in range; body code in range, a module body, and owned by that module;
 *       every global's name id in range.
 *   <li>Exception tree: starts with {@link ExceptionTree#BUILTINS} (same parents, same names
 *       where not stripped); the root is its own parent and every other entry's parent comes
 *       before it (so the tree has no cycle); name ids in range.
 *   <li>Each code object's fields: name id, module and kind in range; known flags; parameter
 *       counts that fit the locals; module and class bodies take no parameters and a module body
 *       has no free variables; local names in range; a cell starts empty or from a parameter;
 *       constants index the pool; 1 to {@link ImageFormat#MAX_CODE_LENGTH} bytes of code.
 *   <li>Each instruction: a defined opcode whose operands lie inside the code; every operand in
 *       range by its {@link Opcodes} kind: constant, local, global (the module's global count),
 *       name, code, native, builtin (the builtins module's global count), exception, module,
 *       cell ({@code cellLocals.length + freeCount}), flags (within {@link Opcodes#flagMask});
 *       {@code MAKE_FUNCTION} takes a function body and passes a closure exactly when that body
 *       has free variables, {@code BUILD_CLASS} takes a class body, {@code BUILD_SLICE} 2 or 3
 *       items, {@code FORMAT_VALUE} a defined conversion.
 *   <li>Jumps: the target is an instruction boundary of the same code; {@code LOOP} (the one
 *       safe-point jump) goes backward or to itself, every other jump strictly forward.
 *   <li>Handlers: {@code startPc < endPc} on instruction boundaries (or {@code endPc} = the code
 *       length), {@code handlerPc} on a boundary at or after {@code endPc} (an exception never
 *       moves control backward, so no loop can form without a {@code LOOP}), {@code depth + 1 <=
 *       maxStack}; two ranges are disjoint or nested, and an inner one comes before every range
 *       that contains it (the interpreter takes the first match).
 *   <li>Line table: pairs, pcs non-decreasing on instruction boundaries, lines not negative.
 *   <li>Stack, by flow analysis from pc 0 at depth 0 and from every handler at {@code depth + 1}:
 *       each reachable instruction finds the depth it pops; no depth exceeds {@code maxStack};
 *       every path into an instruction brings the same depth; no reachable instruction falls off
 *       the end of the code; an instruction that may raise inside a handler's range leaves at
 *       least the handler's depth under its operands (the values the handler keeps are intact).
 * </ol>
 *
 * <p>Linear in the size of the image (handler ranges are sorted once per code object).
 */
public final class Verifier {
  private final Image image;

  private Verifier(Image image) {
    this.image = image;
  }

  /**
   * Checks {@code image} completely.
   *
   * @throws BadImageException at the first problem
   */
  public static void verify(Image image) {
    if (image == null) {
      throw new BadImageException("no image (null)");
    }
    Verifier v = new Verifier(image);
    v.tables();
    v.modules();
    v.exceptions();
    for (int i = 0; i < image.codes().size(); i++) {
      new CodeCheck(v.image, i).run();
    }
  }

  private static BadImageException bad(String message) {
    return new BadImageException(message);
  }

  private void tables() {
    int unknown = image.flags() & ~Image.FLAG_NAMES_STRIPPED;
    if (unknown != 0) {
      throw bad(String.format("image flags 0x%x carry unknown bits 0x%x", image.flags(), unknown));
    }
    List<String> names = image.names();
    limit(names.size(), "names");
    boolean stripped = (image.flags() & Image.FLAG_NAMES_STRIPPED) != 0;
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      if (n == null) {
        if (!stripped) {
          throw bad("name " + i + " is absent but the image is not marked FLAG_NAMES_STRIPPED");
        }
      } else {
        str16(n, "name " + i);
      }
    }
    List<Constant> constants = image.constants();
    for (int i = 0; i < constants.size(); i++) {
      Constant c = constants.get(i);
      if (c instanceof Constant.Str s && s.value() == null
          || c instanceof Constant.Bytes b && b.value() == null) {
        throw bad("constant " + i + " has no value (null)");
      }
    }
    if (image.codes().isEmpty()) {
      throw bad("the image has no code objects");
    }
    limit(image.codes().size(), "code objects");
    if (image.modules().isEmpty()) {
      throw bad("the image has no modules (module 0 is __main__)");
    }
    limit(image.modules().size(), "modules");
    if (image.builtinsModule() < 0 || image.builtinsModule() >= image.modules().size()) {
      throw bad(
          "builtins module "
              + image.builtinsModule()
              + " out of range (the image has "
              + image.modules().size()
              + " modules)");
    }
    limit(image.natives().size(), "natives");
    for (int i = 0; i < image.natives().size(); i++) {
      String n = image.natives().get(i);
      if (n.isEmpty()) {
        throw bad("native " + i + " has an empty name");
      }
      str16(n, "native " + i);
    }
    for (int i = 0; i < image.resources().size(); i++) {
      Image.Resource r = image.resources().get(i);
      if (r.name() == null || r.data() == null) {
        throw bad("resource " + i + " has no " + (r.name() == null ? "name" : "data") + " (null)");
      }
      str16(r.name(), "resource " + i + " name");
    }
  }

  private static void limit(int size, String what) {
    if (size > MAX_U16_TABLE) {
      throw bad(
          "the image has " + size + " " + what + ", more than the " + MAX_U16_TABLE
              + " a 16-bit index reaches");
    }
  }

  private static void str16(String s, String what) {
    int n = Wtf8.encodedLength(s);
    if (n > MAX_STR16_BYTES) {
      throw bad(what + " is " + n + " bytes long, more than " + MAX_STR16_BYTES);
    }
  }

  private void name(int id, String what) {
    if (id < 0 || id >= image.names().size()) {
      throw bad(
          what + " has name id " + id + " out of range (" + image.names().size() + " names)");
    }
  }

  private void modules() {
    List<Image.Module> modules = image.modules();
    for (int i = 0; i < modules.size(); i++) {
      Image.Module m = modules.get(i);
      String what = "module " + i;
      name(m.nameId(), what);
      what += " " + shown(image, m.nameId());
      if (m.file() == null) {
        throw bad(what + " has no file name (null)");
      }
      if (m.bodyCode() < 0 || m.bodyCode() >= image.codes().size()) {
        throw bad(
            what + ": body code " + m.bodyCode() + " out of range (" + image.codes().size()
                + " code objects)");
      }
      CodeObject body = image.codes().get(m.bodyCode());
      if (body.kind() != CodeObject.KIND_MODULE) {
        throw bad(what + ": body code " + m.bodyCode() + " is a " + kindName(body.kind())
            + " body, not a module body");
      }
      if (body.module() != i) {
        throw bad(what + ": body code " + m.bodyCode() + " belongs to module " + body.module());
      }
      if (m.globalNames() == null) {
        throw bad(what + " has no global names (null)");
      }
      limit(m.globalNames().length, "globals in " + what);
      for (int g = 0; g < m.globalNames().length; g++) {
        name(m.globalNames()[g], what + " global " + g);
      }
    }
  }

  private void exceptions() {
    List<Image.ExceptionClass> tree = image.exceptions();
    if (tree.size() < ExceptionTree.BUILTIN_COUNT) {
      throw bad(
          "the exception tree has " + tree.size() + " entries, fewer than the "
              + ExceptionTree.BUILTIN_COUNT + " builtins it must start with");
    }
    limit(tree.size(), "exceptions");
    for (int i = 0; i < tree.size(); i++) {
      Image.ExceptionClass e = tree.get(i);
      String what = "exception " + i;
      name(e.nameId(), what);
      if (i == 0 ? e.parent() != 0 : e.parent() < 0 || e.parent() >= i) {
        throw bad(what + " " + shown(image, e.nameId()) + " has parent " + e.parent()
            + (i == 0 ? "; the root must be its own parent" : "; a parent must come before its child"));
      }
      if (i < ExceptionTree.BUILTIN_COUNT) {
        ExceptionTree.Entry builtin = ExceptionTree.BUILTINS.get(i);
        String n = image.names().get(e.nameId());
        if (n != null && !n.equals(builtin.name()) || e.parent() != builtin.parent()) {
          throw bad(what + " is " + shown(image, e.nameId()) + " under " + e.parent()
              + ", the builtin tree has '" + builtin.name() + "' under " + builtin.parent());
        }
      }
    }
  }

  /** A name quoted and escaped for a message: an image's names may hold any characters. */
  private static String shown(Image image, int nameId) {
    return Disassembler.repr(image.name(nameId));
  }

  static String kindName(int kind) {
    return switch (kind) {
      case CodeObject.KIND_MODULE -> "module";
      case CodeObject.KIND_CLASS -> "class";
      case CodeObject.KIND_FUNCTION -> "function";
      default -> "kind-" + kind;
    };
  }

  /** The checks of one code object; holds the per-code scratch arrays. */
  private static final class CodeCheck {
    private static final int FROM_ENTRY = -1;

    private final Image image;
    private final int index;
    private final CodeObject c;
    private final byte[] code;
    private final int len;
    private boolean[] boundary;
    private int[] depthAt;
    private int[] cameFrom;
    private Integer[] sorted;

    CodeCheck(Image image, int index) {
      this.image = image;
      this.index = index;
      this.c = image.codes().get(index);
      this.code = c.code();
      this.len = code.length;
    }

    void run() {
      fields();
      decode();
      operands();
      handlers();
      lines();
      flow();
      handlerDepths();
    }

    private BadImageException fail(int pc, String what) {
      StringBuilder sb = new StringBuilder();
      sb.append("code ").append(index).append(' ').append(shown(image, c.nameId()));
      if (pc >= 0) {
        sb.append(", pc ").append(pc);
        if (pc < len) {
          int op = code[pc] & 0xFF;
          sb.append(' ')
              .append(Opcodes.isDefined(op) ? Opcodes.name(op) : String.format("opcode 0x%02x", op));
        }
      }
      return new BadImageException(index, pc, sb.append(": ").append(what).toString());
    }

    private void range(int value, int size, int pc, String what, String of) {
      if (value < 0 || value >= size) {
        throw fail(pc, what + " " + value + " out of range (" + size + " " + of + ")");
      }
    }

    private void fields() {
      range(c.nameId(), image.names().size(), -1, "name id", "names");
      range(c.module(), image.modules().size(), -1, "module", "modules");
      if (c.kind() != CodeObject.KIND_MODULE
          && c.kind() != CodeObject.KIND_CLASS
          && c.kind() != CodeObject.KIND_FUNCTION) {
        throw fail(-1, "unknown kind " + c.kind());
      }
      int known =
          CodeObject.FLAG_VARARGS | CodeObject.FLAG_VARKEYWORDS | CodeObject.FLAG_GENERATOR;
      if ((c.flags() & ~known) != 0) {
        throw fail(-1, String.format("flags 0x%x carry unknown bits", c.flags()));
      }
      u16(c.argCount(), "argCount");
      u16(c.kwOnlyCount(), "kwOnlyCount");
      u16(c.localCount(), "localCount");
      u16(c.freeCount(), "freeCount");
      u16(c.maxStack(), "maxStack");
      u16(c.cellLocals().length, "cell count");
      if (c.localNames().length != c.localCount()) {
        throw fail(-1, "localCount " + c.localCount() + " but " + c.localNames().length
            + " local names");
      }
      if (c.parameterCount() > c.localCount()) {
        throw fail(-1, c.parameterCount() + " parameters do not fit " + c.localCount()
            + " locals");
      }
      if (c.kind() != CodeObject.KIND_FUNCTION && c.parameterCount() != 0) {
        throw fail(-1, "a " + kindName(c.kind()) + " body takes no parameters, this one has "
            + c.parameterCount());
      }
      if (c.kind() != CodeObject.KIND_FUNCTION && (c.flags() & CodeObject.FLAG_GENERATOR) != 0) {
        throw fail(-1, "a " + kindName(c.kind()) + " body cannot be a generator");
      }
      if (c.kind() == CodeObject.KIND_MODULE && c.freeCount() != 0) {
        throw fail(-1, "a module body has no free variables, this one has " + c.freeCount());
      }
      for (int i = 0; i < c.localNames().length; i++) {
        range(c.localNames()[i], image.names().size(), -1, "local " + i + " name id", "names");
      }
      int params = c.parameterCount();
      for (int i = 0; i < c.cellLocals().length; i++) {
        int slot = c.cellLocals()[i];
        if (slot != -1 && (slot < 0 || slot >= params)) {
          throw fail(-1, "cell " + i + " starts from slot " + slot + ", which is neither -1 nor"
              + " one of the " + params + " parameters");
        }
      }
      if (c.constants().length > MAX_U16_TABLE) {
        throw fail(-1, c.constants().length + " constants, more than " + MAX_U16_TABLE);
      }
      for (int i = 0; i < c.constants().length; i++) {
        range(c.constants()[i], image.constants().size(), -1, "constant " + i
            + " refers to pool entry", "in the pool");
      }
      if (len == 0) {
        throw fail(-1, "the code is empty, so it falls off its end at once");
      }
      if (len > MAX_CODE_LENGTH) {
        throw fail(-1, "the code is " + len + " bytes, more than " + MAX_CODE_LENGTH);
      }
      for (int i = 0; i < c.handlers().length; i++) {
        if (c.handlers()[i] == null) {
          throw fail(-1, "handler " + i + " is null");
        }
      }
    }

    private void u16(int value, String what) {
      if (value < 0 || value > MAX_U16) {
        throw fail(-1, what + " " + value + " is not in 0.." + MAX_U16);
      }
    }

    /** Every instruction decodes; marks the instruction boundaries. */
    private void decode() {
      boundary = new boolean[len];
      int pc = 0;
      while (pc < len) {
        int op = code[pc] & 0xFF;
        if (!Opcodes.isDefined(op)) {
          throw fail(pc, "undefined opcode");
        }
        int size = Opcodes.size(op);
        if (pc + size > len) {
          throw fail(pc, "the instruction needs " + size + " bytes, only " + (len - pc)
              + " are left in the code");
        }
        boundary[pc] = true;
        pc += size;
      }
    }

    private void operands() {
      int globals = image.modules().get(c.module()).globalNames().length;
      int builtins = image.modules().get(image.builtinsModule()).globalNames().length;
      int cells = c.cellLocals().length + c.freeCount();
      for (int pc = 0; pc < len; pc += Opcodes.size(code[pc] & 0xFF)) {
        int op = code[pc] & 0xFF;
        for (int i = 0; i < Opcodes.operandCount(op); i++) {
          int v = Opcodes.readOperand(code, pc, i);
          switch (Opcodes.operandKind(op, i)) {
            case Opcodes.K_CONST -> range(v, c.constants().length, pc, "constant", "constants");
            case Opcodes.K_LOCAL -> range(v, c.localCount(), pc, "local", "locals");
            case Opcodes.K_GLOBAL -> range(v, globals, pc, "global", "globals in module "
                + c.module());
            case Opcodes.K_NAME -> range(v, image.names().size(), pc, "name id", "names");
            case Opcodes.K_CODE -> range(v, image.codes().size(), pc, "code", "code objects");
            case Opcodes.K_NATIVE -> range(v, image.natives().size(), pc, "native", "natives");
            case Opcodes.K_BUILTIN -> range(v, builtins, pc, "builtin", "globals in the builtins"
                + " module");
            case Opcodes.K_EXCEPTION -> range(v, image.exceptions().size(), pc, "exception",
                "exceptions");
            case Opcodes.K_MODULE -> range(v, image.modules().size(), pc, "module", "modules");
            case Opcodes.K_CELL -> range(v, cells, pc, "cell", "cells and free variables");
            case Opcodes.K_TARGET -> target(pc, op, v);
            case Opcodes.K_FLAGS -> {
              if ((v & ~Opcodes.flagMask(op)) != 0) {
                throw fail(pc, String.format("flags 0x%x outside 0x%x", v, Opcodes.flagMask(op)));
              }
            }
            default -> {}
          }
        }
        special(pc, op);
      }
    }

    private void target(int pc, int op, int target) {
      if (target >= len || !boundary[target]) {
        throw fail(pc, "jump target " + target
            + (target >= len ? " is past the end of the code (" + len + " bytes)"
                : " is inside an instruction"));
      }
      boolean backwardOk = Opcodes.has(op, Opcodes.F_SAFE_POINT);
      if (backwardOk && target > pc) {
        throw fail(pc, "jump target " + target + " is forward; LOOP only jumps backward");
      }
      if (!backwardOk && target <= pc) {
        throw fail(pc, "jump target " + target + " is not forward; only LOOP jumps backward");
      }
    }

    /** The operand rules of single opcodes, beyond the kinds. */
    private void special(int pc, int op) {
      int a0 = Opcodes.readOperand(code, pc, 0);
      if (op == Opcodes.BUILD_SLICE && a0 != 2 && a0 != 3) {
        throw fail(pc, "a slice takes 2 or 3 items, not " + a0);
      }
      if (op == Opcodes.FORMAT_VALUE && (a0 >> 1 & 3) == 3) {
        throw fail(pc, "conversion bits 3 are undefined (1 str, 2 repr)");
      }
      if (op == Opcodes.MAKE_FUNCTION) {
        CodeObject f = image.codes().get(a0);
        if (f.kind() != CodeObject.KIND_FUNCTION) {
          throw fail(pc, "code " + a0 + " is a " + kindName(f.kind()) + " body, not a function");
        }
        boolean closure = (Opcodes.readOperand(code, pc, 1) & 4) != 0;
        if (closure != (f.freeCount() > 0)) {
          throw fail(pc, "code " + a0 + " has " + f.freeCount() + " free variables but the"
              + " closure bit is " + (closure ? "set" : "clear"));
        }
      }
      if (op == Opcodes.BUILD_CLASS) {
        CodeObject k = image.codes().get(a0);
        if (k.kind() != CodeObject.KIND_CLASS) {
          throw fail(pc, "code " + a0 + " is a " + kindName(k.kind()) + " body, not a class");
        }
      }
    }

    private void handlers() {
      CodeObject.Handler[] hs = c.handlers();
      for (int i = 0; i < hs.length; i++) {
        CodeObject.Handler h = hs[i];
        String what = "handler " + i + " " + show(h) + ": ";
        if (h.startPc() < 0 || h.startPc() >= len || !boundary[h.startPc()]) {
          throw fail(-1, what + "startPc is not an instruction boundary");
        }
        if (h.endPc() <= h.startPc() || h.endPc() > len
            || h.endPc() < len && !boundary[h.endPc()]) {
          throw fail(-1, what + "endPc is not an instruction boundary after startPc (or the"
              + " code length " + len + ")");
        }
        if (h.handlerPc() < 0 || h.handlerPc() >= len || !boundary[h.handlerPc()]) {
          throw fail(-1, what + "handlerPc is not an instruction boundary");
        }
        if (h.handlerPc() < h.endPc()) {
          throw fail(-1, what + "handlerPc lies before the end of the range; an exception may"
              + " not move control backward");
        }
        if (h.depth() < 0 || h.depth() + 1 > c.maxStack()) {
          throw fail(-1, what + "depth " + h.depth() + " plus the exception exceeds maxStack "
              + c.maxStack() + (h.depth() < 0 ? " or is negative" : ""));
        }
      }
      // Sort by start ascending, end descending, index descending: each range comes after every
      // range containing it, so a stack sweep sees the nesting.
      sorted = new Integer[hs.length];
      for (int i = 0; i < hs.length; i++) {
        sorted[i] = i;
      }
      Arrays.sort(
          sorted,
          (x, y) -> {
            CodeObject.Handler a = hs[x];
            CodeObject.Handler b = hs[y];
            if (a.startPc() != b.startPc()) {
              return Integer.compare(a.startPc(), b.startPc());
            }
            if (a.endPc() != b.endPc()) {
              return Integer.compare(b.endPc(), a.endPc());
            }
            return Integer.compare(y, x);
          });
      int[] stack = new int[hs.length];
      int sp = 0;
      for (int k : sorted) {
        CodeObject.Handler h = hs[k];
        while (sp > 0 && hs[stack[sp - 1]].endPc() <= h.startPc()) {
          sp--;
        }
        if (sp > 0) {
          int outer = stack[sp - 1];
          if (h.endPc() > hs[outer].endPc()) {
            throw fail(-1, "handlers " + outer + " " + show(hs[outer]) + " and " + k + " "
                + show(h) + " overlap without nesting");
          }
          if (k > outer) {
            throw fail(-1, "handler " + outer + " " + show(hs[outer]) + " encloses handler " + k
                + " " + show(h) + " but comes before it; inner handlers come first");
          }
        }
        stack[sp++] = k;
      }
    }

    private static String show(CodeObject.Handler h) {
      return "[" + h.startPc() + ", " + h.endPc() + ") -> " + h.handlerPc() + " depth "
          + h.depth();
    }

    private void lines() {
      int[] t = c.lineTable();
      if (t.length % 2 != 0) {
        throw fail(-1, "the line table has an odd length " + t.length + "; it holds pairs");
      }
      for (int i = 0; i < t.length; i += 2) {
        int pc = t[i];
        if (pc < 0 || pc >= len || !boundary[pc]) {
          throw fail(-1, "line table entry " + i / 2 + ": pc " + pc
              + " is not an instruction boundary");
        }
        if (i > 0 && pc < t[i - 2]) {
          throw fail(-1, "line table entry " + i / 2 + ": pc " + pc + " comes after pc "
              + t[i - 2] + "; pcs must ascend");
        }
        if (t[i + 1] < 0) {
          throw fail(-1, "line table entry " + i / 2 + ": negative line " + t[i + 1]);
        }
      }
    }

    /** Stack depth by flow analysis: one depth per reachable instruction. */
    private void flow() {
      depthAt = new int[len];
      cameFrom = new int[len];
      Arrays.fill(depthAt, -1);
      int[] work = new int[len];
      int n = 0;
      n = merge(work, n, 0, 0, FROM_ENTRY);
      CodeObject.Handler[] hs = c.handlers();
      for (int i = 0; i < hs.length; i++) {
        n = merge(work, n, hs[i].handlerPc(), hs[i].depth() + 1, -2 - i);
      }
      int max = c.maxStack();
      while (n > 0) {
        int pc = work[--n];
        int d = depthAt[pc];
        int op = code[pc] & 0xFF;
        int a0 = Opcodes.readOperand(code, pc, 0);
        int a1 = Opcodes.readOperand(code, pc, 1);
        int pops = Opcodes.pops(op, a0, a1);
        if (d < pops) {
          throw fail(pc, "stack underflow: pops " + pops + " with depth " + d);
        }
        int after = d - pops + Opcodes.pushes(op, a0, a1);
        if (Opcodes.has(op, Opcodes.F_JUMP)) {
          int target = Opcodes.readOperand(code, pc, Opcodes.targetOperand(op));
          int td = d + Opcodes.jumpEffect(op, a0, a1);
          if (td > max) {
            throw fail(pc, "stack overflow: depth " + td + " at jump target " + target
                + " exceeds maxStack " + max);
          }
          n = merge(work, n, target, td, pc);
        }
        if (!Opcodes.has(op, Opcodes.F_NO_FALLTHROUGH)) {
          if (after > max) {
            throw fail(pc, "stack overflow: depth " + after + " exceeds maxStack " + max);
          }
          int next = pc + Opcodes.size(op);
          if (next >= len) {
            throw fail(pc, "execution falls off the end of the code");
          }
          n = merge(work, n, next, after, pc);
        }
      }
    }

    private int merge(int[] work, int n, int pc, int depth, int from) {
      if (depthAt[pc] == -1) {
        depthAt[pc] = depth;
        cameFrom[pc] = from;
        work[n++] = pc;
      } else if (depthAt[pc] != depth) {
        throw fail(pc, "stack depths disagree here: " + depth + " coming from " + origin(from)
            + ", " + depthAt[pc] + " coming from " + origin(cameFrom[pc]));
      }
      return n;
    }

    private static String origin(int from) {
      if (from == FROM_ENTRY) {
        return "the entry";
      }
      return from >= 0 ? "pc " + from : "handler " + (-2 - from);
    }

    /**
     * An instruction that may raise inside a handler's range must leave the handler's values
     * intact: its depth minus its pops is at least the handler's depth. The handler that applies
     * is the innermost containing one (the first match); a sweep keeps it on top of a stack.
     */
    private void handlerDepths() {
      CodeObject.Handler[] hs = c.handlers();
      if (hs.length == 0) {
        return;
      }
      int[] stack = new int[hs.length];
      int sp = 0;
      int k = 0;
      for (int pc = 0; pc < len; pc++) {
        while (sp > 0 && hs[stack[sp - 1]].endPc() <= pc) {
          sp--;
        }
        while (k < sorted.length && hs[sorted[k]].startPc() <= pc) {
          stack[sp++] = sorted[k++];
        }
        if (sp == 0 || !boundary[pc] || depthAt[pc] < 0) {
          continue;
        }
        int op = code[pc] & 0xFF;
        if (!Opcodes.has(op, Opcodes.F_MAY_RAISE)) {
          continue;
        }
        CodeObject.Handler h = hs[stack[sp - 1]];
        int left =
            depthAt[pc]
                - Opcodes.pops(op, Opcodes.readOperand(code, pc, 0), Opcodes.readOperand(code, pc, 1));
        if (left < h.depth()) {
          throw fail(pc, "may raise with " + left + " values under its operands, but handler "
              + stack[sp - 1] + " " + show(h) + " keeps " + h.depth());
        }
      }
    }
  }
}
