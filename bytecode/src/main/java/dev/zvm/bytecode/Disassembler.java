package dev.zvm.bytecode;

import java.util.List;

/**
 * Prints an image for people: the tables, then code by code its fields, handlers and
 * instructions, each instruction with its pc, opcode, operands and what they resolve to (name,
 * constant, local, target...). Everything it knows about instructions comes from {@link Opcodes}.
 *
 * <p>It is meant for verified images but never fails on a bad one: an undefined opcode prints as
 * {@code .byte}, an index out of range resolves to {@code ?}, so it can also show what a broken
 * compiler produced.
 *
 * <pre>
 *   line >> pc    opcode               operands (resolved)
 *      1     0    LOAD_CONST           0 (42)
 *            3    STORE_GLOBAL         0 (x)
 *         >> 6    LOAD_NONE
 * </pre>
 *
 * The line column shows a source line where it changes; {@code >>} marks a jump or handler
 * target.
 */
public final class Disassembler {
  private Disassembler() {}

  private static final int MAX_SHOWN_CHARS = 60;

  /** The whole image. */
  public static String disassemble(Image image) {
    StringBuilder out = new StringBuilder();
    tables(image, out);
    for (int i = 0; i < image.codes().size(); i++) {
      out.append('\n');
      code(image, i, out);
    }
    return out.toString();
  }

  /** One code object. */
  public static String disassembleCode(Image image, int codeIndex) {
    StringBuilder out = new StringBuilder();
    code(image, codeIndex, out);
    return out.toString();
  }

  private static void tables(Image image, StringBuilder out) {
    out.append("zvm image, format ").append(ImageFormat.VERSION)
        .append(String.format(", flags 0x%x", image.flags()));
    if ((image.flags() & Image.FLAG_NAMES_STRIPPED) != 0) {
      out.append(" (names stripped)");
    }
    out.append(": ").append(count(image.names().size(), "name"))
        .append(", ").append(count(image.constants().size(), "constant"))
        .append(", ").append(count(image.codes().size(), "code object"))
        .append(", ").append(count(image.modules().size(), "module"))
        .append(", ").append(count(image.exceptions().size(), "exception"))
        .append(", ").append(count(image.natives().size(), "native"))
        .append(", ").append(count(image.resources().size(), "resource")).append('\n');
    List<Image.Module> modules = image.modules();
    for (int i = 0; i < modules.size(); i++) {
      Image.Module m = modules.get(i);
      out.append("module ").append(i).append(' ').append(image.name(m.nameId()))
          .append(" (").append(m.file()).append("): body code ").append(m.bodyCode());
      if (i == image.builtinsModule()) {
        out.append(", the builtins module");
      }
      out.append(", globals");
      if (m.globalNames() == null || m.globalNames().length == 0) {
        out.append(" none");
      } else {
        for (int g = 0; g < m.globalNames().length; g++) {
          out.append(' ').append(g).append('=').append(image.name(m.globalNames()[g]));
        }
      }
      out.append('\n');
    }
    List<Image.ExceptionClass> tree = image.exceptions();
    if (tree.size() > ExceptionTree.BUILTIN_COUNT) {
      out.append("exceptions after the ").append(ExceptionTree.BUILTIN_COUNT).append(" builtins:");
      for (int i = ExceptionTree.BUILTIN_COUNT; i < tree.size(); i++) {
        Image.ExceptionClass e = tree.get(i);
        out.append(' ').append(i).append('=').append(image.name(e.nameId())).append('(')
            .append(exceptionName(image, e.parent())).append(')');
        if (e.defaultMessage() != null) {
          out.append(' ').append(repr(e.defaultMessage()));
        }
      }
      out.append('\n');
    }
    if (!image.natives().isEmpty()) {
      out.append("natives:");
      for (int i = 0; i < image.natives().size(); i++) {
        out.append(' ').append(i).append('=').append(image.natives().get(i));
      }
      out.append('\n');
    }
    if (!image.resources().isEmpty()) {
      out.append("resources:");
      for (Image.Resource r : image.resources()) {
        out.append(' ').append(r.name()).append(" (")
            .append(r.data() == null ? 0 : r.data().length).append(" bytes)");
      }
      out.append('\n');
    }
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  private static void code(Image image, int index, StringBuilder out) {
    CodeObject c = image.codes().get(index);
    out.append("code ").append(index).append(' ').append(image.name(c.nameId())).append(": ")
        .append(Verifier.kindName(c.kind())).append(" body of module ").append(c.module())
        .append(" (").append(moduleName(image, c.module())).append(")\n");
    out.append("  args ").append(c.argCount()).append(", kw-only ").append(c.kwOnlyCount());
    if ((c.flags() & CodeObject.FLAG_VARARGS) != 0) {
      out.append(", *args");
    }
    if ((c.flags() & CodeObject.FLAG_VARKEYWORDS) != 0) {
      out.append(", **kwargs");
    }
    if ((c.flags() & CodeObject.FLAG_GENERATOR) != 0) {
      out.append(", generator");
    }
    out.append(", locals ").append(c.localCount());
    for (int i = 0; i < c.localNames().length; i++) {
      out.append(i == 0 ? " (" : " ").append(image.name(c.localNames()[i]));
    }
    out.append(c.localNames().length > 0 ? ")" : "");
    out.append(", cells ").append(c.cellLocals().length).append(", free ").append(c.freeCount())
        .append(", maxStack ").append(c.maxStack()).append('\n');
    if (c.constants().length > 0) {
      out.append("  constants:");
      for (int i = 0; i < c.constants().length; i++) {
        out.append(' ').append(i).append('=').append(constant(image, c, i));
      }
      out.append('\n');
    }
    CodeObject.Handler[] hs = c.handlers();
    for (int i = 0; i < hs.length; i++) {
      CodeObject.Handler h = hs[i];
      out.append("  handler ").append(i);
      if (h == null) {
        out.append(": null\n");
        continue;
      }
      out.append(": [").append(h.startPc()).append(", ").append(h.endPc()).append(") -> ")
          .append(h.handlerPc()).append(", depth ").append(h.depth()).append('\n');
    }
    instructions(image, c, out);
  }

  private static void instructions(Image image, CodeObject c, StringBuilder out) {
    byte[] code = c.code();
    boolean[] target = targets(c);
    int lastLine = Integer.MIN_VALUE;
    int pc = 0;
    while (pc < code.length) {
      int op = code[pc] & 0xFF;
      int line = c.lineAt(pc);
      String lineText = line != lastLine ? Integer.toString(line) : "";
      lastLine = line;
      out.append(String.format("%6s %2s %-5d ", lineText, target[pc] ? ">>" : "", pc));
      if (!Opcodes.isDefined(op) || pc + Opcodes.size(op) > code.length) {
        out.append(String.format(".byte 0x%02x", op))
            .append(Opcodes.isDefined(op) ? " (" + Opcodes.name(op) + ", truncated)" : "")
            .append('\n');
        pc++;
        continue;
      }
      out.append(Opcodes.operandCount(op) == 0 ? Opcodes.name(op)
          : String.format("%-20s", Opcodes.name(op)));
      StringBuilder resolved = new StringBuilder();
      for (int i = 0; i < Opcodes.operandCount(op); i++) {
        int v = Opcodes.readOperand(code, pc, i);
        out.append(i == 0 ? "" : " ").append(v);
        String r = resolve(image, c, op, i, v);
        if (!r.isEmpty()) {
          resolved.append(resolved.length() == 0 ? "" : "; ").append(r);
        }
      }
      if (resolved.length() > 0) {
        out.append(" (").append(resolved).append(')');
      }
      out.append('\n');
      pc += Opcodes.size(op);
    }
  }

  /** Pcs that a jump or a handler leads to. */
  private static boolean[] targets(CodeObject c) {
    byte[] code = c.code();
    boolean[] target = new boolean[code.length];
    int pc = 0;
    while (pc < code.length) {
      int op = code[pc] & 0xFF;
      if (!Opcodes.isDefined(op) || pc + Opcodes.size(op) > code.length) {
        pc++;
        continue;
      }
      if (Opcodes.targetOperand(op) >= 0) {
        int t = Opcodes.readOperand(code, pc, Opcodes.targetOperand(op));
        if (t < code.length) {
          target[t] = true;
        }
      }
      pc += Opcodes.size(op);
    }
    for (CodeObject.Handler h : c.handlers()) {
      if (h != null && h.handlerPc() >= 0 && h.handlerPc() < code.length) {
        target[h.handlerPc()] = true;
      }
    }
    return target;
  }

  private static String resolve(Image image, CodeObject c, int op, int i, int v) {
    switch (Opcodes.operandKind(op, i)) {
      case Opcodes.K_CONST:
        return constant(image, c, v);
      case Opcodes.K_LOCAL:
        return v < c.localNames().length ? image.name(c.localNames()[v]) : "?";
      case Opcodes.K_GLOBAL:
        return global(image, c.module(), v);
      case Opcodes.K_NAME:
        return image.name(v);
      case Opcodes.K_CODE:
        return v < image.codes().size()
            ? "code " + v + " " + image.name(image.codes().get(v).nameId()) : "?";
      case Opcodes.K_NATIVE:
        return v < image.natives().size() ? image.natives().get(v) : "?";
      case Opcodes.K_BUILTIN:
        return global(image, image.builtinsModule(), v);
      case Opcodes.K_EXCEPTION:
        return exceptionName(image, v);
      case Opcodes.K_TARGET:
        return "to " + v;
      case Opcodes.K_MODULE:
        return moduleName(image, v);
      case Opcodes.K_CELL:
        return cell(image, c, v);
      case Opcodes.K_FLAGS:
        return flags(op, v);
      default:
        return "";
    }
  }

  private static String constant(Image image, CodeObject c, int v) {
    if (v < 0 || v >= c.constants().length) {
      return "?";
    }
    int k = c.constants()[v];
    if (k < 0 || k >= image.constants().size()) {
      return "?";
    }
    Constant constant = image.constants().get(k);
    if (constant instanceof Constant.Int n) {
      return Long.toString(n.value());
    }
    if (constant instanceof Constant.Float f) {
      return floatText(f.value());
    }
    if (constant instanceof Constant.Str s) {
      return s.value() == null ? "?" : repr(s.value());
    }
    byte[] b = ((Constant.Bytes) constant).value();
    return b == null ? "?" : bytesRepr(b);
  }

  private static String global(Image image, int module, int v) {
    if (module < 0 || module >= image.modules().size()) {
      return "?";
    }
    int[] globals = image.modules().get(module).globalNames();
    return globals != null && v < globals.length ? image.name(globals[v]) : "?";
  }

  private static String moduleName(Image image, int m) {
    return m >= 0 && m < image.modules().size() ? image.name(image.modules().get(m).nameId()) : "?";
  }

  private static String exceptionName(Image image, int e) {
    return e >= 0 && e < image.exceptions().size()
        ? image.name(image.exceptions().get(e).nameId()) : "?";
  }

  private static String cell(Image image, CodeObject c, int v) {
    int cells = c.cellLocals().length;
    if (v < cells) {
      int slot = c.cellLocals()[v];
      return "cell " + v + (slot >= 0 && slot < c.localNames().length
          ? " of " + image.name(c.localNames()[slot]) : "");
    }
    return v < cells + c.freeCount() ? "free " + (v - cells) : "?";
  }

  private static String flags(int op, int v) {
    StringBuilder sb = new StringBuilder();
    if (op == Opcodes.MAKE_FUNCTION) {
      bit(sb, v, 1, "defaults");
      bit(sb, v, 2, "kw-defaults");
      bit(sb, v, 4, "closure");
    } else if (op == Opcodes.CALL_EX) {
      bit(sb, v, 1, "kwargs");
    } else if (op == Opcodes.FORMAT_VALUE) {
      bit(sb, v, 1, "spec");
      int conversion = v >> 1 & 3;
      if (conversion != 0) {
        sb.append(sb.length() == 0 ? "" : ", ")
            .append(conversion == 1 ? "str" : conversion == 2 ? "repr" : "?");
      }
    }
    return sb.toString();
  }

  private static void bit(StringBuilder sb, int v, int bit, String name) {
    if ((v & bit) != 0) {
      sb.append(sb.length() == 0 ? "" : ", ").append(name);
    }
  }

  /** Java's shortest repr of a double, with Python's spelling of the special values. */
  private static String floatText(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    return Double.toString(d);
  }

  /** A Python-style ASCII repr in single quotes, cut at {@value #MAX_SHOWN_CHARS} chars. */
  static String repr(String s) {
    StringBuilder sb = new StringBuilder("'");
    int n = Math.min(s.length(), MAX_SHOWN_CHARS);
    for (int i = 0; i < n; i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\'' -> sb.append("\\'");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (ch >= 0x20 && ch < 0x7F) {
            sb.append(ch);
          } else if (ch < 0x100) {
            sb.append(String.format("\\x%02x", (int) ch));
          } else {
            sb.append(String.format("\\u%04x", (int) ch));
          }
        }
      }
    }
    sb.append('\'');
    if (s.length() > n) {
      sb.append("...(").append(s.length()).append(" chars)");
    }
    return sb.toString();
  }

  private static String bytesRepr(byte[] b) {
    StringBuilder sb = new StringBuilder("b'");
    int n = Math.min(b.length, MAX_SHOWN_CHARS);
    for (int i = 0; i < n; i++) {
      int ch = b[i] & 0xFF;
      if (ch == '\'' || ch == '\\') {
        sb.append('\\').append((char) ch);
      } else if (ch >= 0x20 && ch < 0x7F) {
        sb.append((char) ch);
      } else {
        sb.append(String.format("\\x%02x", ch));
      }
    }
    sb.append('\'');
    if (b.length > n) {
      sb.append("...(").append(b.length).append(" bytes)");
    }
    return sb.toString();
  }
}
