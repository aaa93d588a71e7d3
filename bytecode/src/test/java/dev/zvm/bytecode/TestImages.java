package dev.zvm.bytecode;

import java.util.ArrayList;
import java.util.List;

/**
 * Hand-built images for tests. The tables are fixed and small; the main module's body is code 0
 * and the builtins module's body code 1, and extra code objects follow from index 2.
 *
 * <p>Names: the builtin exception names first (ids 0..34), then {@link #EXTRA_NAMES}.
 */
final class TestImages {
  private TestImages() {}

  static final List<String> EXTRA_NAMES =
      List.of("__main__", "__builtins__", "x", "y", "f", "C", "print", "len", "attr", "a", "b",
          "MyError");

  static int id(String name) {
    int i = ExceptionTree.indexOf(name);
    if (i >= 0) {
      return i;
    }
    i = EXTRA_NAMES.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(name);
    }
    return ExceptionTree.BUILTIN_COUNT + i;
  }

  static List<String> names() {
    List<String> names = new ArrayList<>();
    for (ExceptionTree.Entry e : ExceptionTree.BUILTINS) {
      names.add(e.name());
    }
    names.addAll(EXTRA_NAMES);
    return names;
  }

  static List<Constant> constants() {
    return List.of(
        new Constant.Int(42),
        new Constant.Str("hi"),
        new Constant.Float(1.5),
        new Constant.Bytes(new byte[] {1, 2}));
  }

  static List<Image.ExceptionClass> exceptions() {
    List<Image.ExceptionClass> tree = new ArrayList<>();
    for (ExceptionTree.Entry e : ExceptionTree.BUILTINS) {
      tree.add(new Image.ExceptionClass(ExceptionTree.indexOf(e.name()), e.parent(), null));
    }
    tree.add(new Image.ExceptionClass(id("MyError"), ExceptionTree.EXCEPTION, "my error"));
    return tree;
  }

  /** Globals of __main__: x, y, f, C. */
  static Image.Module mainModule() {
    return new Image.Module(
        id("__main__"), "main.py", 0, new int[] {id("x"), id("y"), id("f"), id("C")});
  }

  /** Globals of __builtins__: print, len. */
  static Image.Module builtinsModule() {
    return new Image.Module(id("__builtins__"), "__builtins__.py", 1, new int[] {id("print"),
        id("len")});
  }

  static CodeObject builtinsBody() {
    return module(1, new Asm().op(Opcodes.LOAD_NONE).op(Opcodes.RETURN_VALUE).build(), 1).build();
  }

  /** An image whose main body is {@code main} and whose extra codes are {@code more}. */
  static Image image(CodeObject main, CodeObject... more) {
    List<CodeObject> codes = new ArrayList<>();
    codes.add(main);
    codes.add(builtinsBody());
    codes.addAll(List.of(more));
    return image(codes);
  }

  static Image image(List<CodeObject> codes) {
    return new Image(
        0,
        names(),
        constants(),
        codes,
        List.of(mainModule(), builtinsModule()),
        1,
        exceptions(),
        List.of("builtins.len"),
        List.of(new Image.Resource("logo", new byte[] {9, 8, 7})));
  }

  /** The main body running {@code code}, with 2 constants (pool 0 and 1). */
  static Image main(byte[] code, int maxStack) {
    return image(module(0, code, maxStack).build());
  }

  static Builder module(int module, byte[] code, int maxStack) {
    Builder b = new Builder();
    b.nameId = id(module == 0 ? "__main__" : "__builtins__");
    b.module = module;
    b.kind = CodeObject.KIND_MODULE;
    b.code = code;
    b.maxStack = maxStack;
    b.constants = new int[] {0, 1};
    b.lineTable = new int[] {0, 1};
    return b;
  }

  static Builder function(byte[] code, int maxStack) {
    Builder b = new Builder();
    b.nameId = id("f");
    b.kind = CodeObject.KIND_FUNCTION;
    b.code = code;
    b.maxStack = maxStack;
    b.argCount = 2;
    b.localNames = new int[] {id("a"), id("b")};
    b.constants = new int[] {2};
    b.lineTable = new int[] {0, 3};
    return b;
  }

  /**
   * A small program using most features: main defines f and class C and imports; f(a, b) keeps
   * a in cell 0, makes g (a closure over it), and loops over b with a try/except inside.
   */
  static Image sample() {
    Asm a = new Asm();
    int loop = a.newLabel();
    int done = a.newLabel();
    int next = a.newLabel();
    a.op(Opcodes.LOAD_CLOSURE, 0).op(Opcodes.BUILD_TUPLE, 1).op(Opcodes.MAKE_FUNCTION, 3, 4)
        .op(Opcodes.POP_TOP);
    a.op(Opcodes.LOAD_FAST, 1).op(Opcodes.GET_ITER);
    a.bind(loop).jump(Opcodes.FOR_ITER, done);
    int tryStart = a.pc();
    a.op(Opcodes.LOAD_CONST, 0).op(Opcodes.ADD).op(Opcodes.POP_TOP);
    int tryEnd = a.pc();
    a.jump(Opcodes.JUMP, next);
    int handlerPc = a.pc();
    a.op(Opcodes.POP_TOP);
    a.bind(next).jump(Opcodes.LOOP, loop);
    a.bind(done).op(Opcodes.LOAD_NONE).op(Opcodes.RETURN_VALUE);
    Builder f = function(a.build(), 3).cells(new int[] {0}, 0);
    f.lineTable = new int[] {0, 3, 10, 4, tryStart, 5, handlerPc, 6, handlerPc + 4, 7};
    f.handlers = new CodeObject.Handler[] {new CodeObject.Handler(tryStart, tryEnd, handlerPc, 1)};
    CodeObject g = function(new Asm().op(Opcodes.LOAD_DEREF, 0).op(Opcodes.RETURN_VALUE).build(),
        1).cells(new int[0], 1).build();
    Builder k = function(new Asm().op(Opcodes.LOAD_SMALL_INT, -7).op(Opcodes.STORE_FAST, 0)
        .op(Opcodes.LOAD_NONE).op(Opcodes.RETURN_VALUE).build(), 1).kind(CodeObject.KIND_CLASS)
        .nameId(id("C")).lines(0, 9);
    k.argCount = 0;
    k.localNames = new int[] {id("attr")};
    k.constants = new int[0];
    Asm m = new Asm();
    m.op(Opcodes.MAKE_FUNCTION, 2, 0).op(Opcodes.STORE_GLOBAL, 2);
    m.op(Opcodes.LOAD_EXCEPTION, ExceptionTree.EXCEPTION).op(Opcodes.BUILD_CLASS, 4, 1)
        .op(Opcodes.STORE_GLOBAL, 3);
    m.op(Opcodes.IMPORT_NAME, 1).op(Opcodes.POP_TOP);
    m.op(Opcodes.LOAD_NATIVE, 0).op(Opcodes.LOAD_CONST, 1).op(Opcodes.PUSH_NAME, id("x"))
        .op(Opcodes.LOAD_CONST, 0).op(Opcodes.CALL_KW, 1, 1).op(Opcodes.POP_TOP);
    m.op(Opcodes.LOAD_BUILTIN, 0).op(Opcodes.LOAD_GLOBAL, 2).op(Opcodes.LOAD_ATTR, id("attr"))
        .op(Opcodes.CALL, 1).op(Opcodes.POP_TOP);
    m.op(Opcodes.LOAD_NONE).op(Opcodes.RETURN_VALUE);
    Builder main = module(0, m.build(), 5).lines(0, 1, 7, 8, 14, 10, 30, 11);
    return image(main.build(), f.build(), g, k.build());
  }

  /** A mutable CodeObject under construction. */
  static final class Builder {
    int nameId;
    int module;
    int kind;
    int flags;
    int argCount;
    int kwOnlyCount;
    int[] localNames = new int[0];
    int[] cellLocals = new int[0];
    int freeCount;
    int maxStack;
    int[] constants = new int[0];
    byte[] code;
    int[] lineTable = new int[0];
    CodeObject.Handler[] handlers = new CodeObject.Handler[0];

    Builder handlers(CodeObject.Handler... hs) {
      handlers = hs;
      return this;
    }

    Builder kind(int k) {
      kind = k;
      return this;
    }

    Builder nameId(int id) {
      nameId = id;
      return this;
    }

    Builder lines(int... pairs) {
      lineTable = pairs;
      return this;
    }

    Builder cells(int[] cells, int free) {
      cellLocals = cells;
      freeCount = free;
      return this;
    }

    CodeObject build() {
      return new CodeObject(nameId, module, kind, flags, argCount, kwOnlyCount,
          localNames.length, localNames, cellLocals, freeCount, maxStack, constants, code,
          lineTable, handlers);
    }
  }
}
