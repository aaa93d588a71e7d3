package dev.zvm.bytecode;

import static dev.zvm.bytecode.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zvm.bytecode.CodeObject.Handler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One hand-broken image per verifier check: each must be rejected with a message naming the
 * problem, by {@link Verifier#verify} and, where the broken image can be written, by {@link
 * ImageReader#read} too.
 */
class VerifierTest {

  private static final int X = TestImages.id("x");

  /** A case: the broken image, a fragment of the expected message, and the code index and pc. */
  private static Arguments bad(
      String check, Supplier<Image> image, String fragment, int codeIndex, int pc) {
    return Arguments.of(check, image, fragment, codeIndex, pc);
  }

  private static Arguments bad(String check, Supplier<Image> image, String fragment) {
    return bad(check, image, fragment, -1, -1);
  }

  private static Asm asm() {
    return new Asm();
  }

  /** Main body from {@code a}, ending with LOAD_NONE RETURN_VALUE unless {@code a} ended already. */
  private static Image main(Asm a, int maxStack) {
    return TestImages.main(a.build(), maxStack);
  }

  private static Image mainWith(TestImages.Builder b) {
    return TestImages.image(b.build());
  }

  private static TestImages.Builder okMain() {
    return TestImages.module(0, asm().op(LOAD_NONE).op(RETURN_VALUE).build(), 1);
  }

  private static Image withNames(List<String> names, int flags) {
    Image ok = TestImages.image(okMain().build());
    return new Image(flags, names, ok.constants(), ok.codes(), ok.modules(), ok.builtinsModule(),
        ok.exceptions(), ok.natives(), ok.resources());
  }

  private static Image withModules(List<Image.Module> modules, int builtins) {
    Image ok = TestImages.image(okMain().build());
    return new Image(ok.flags(), ok.names(), ok.constants(), ok.codes(), modules, builtins,
        ok.exceptions(), ok.natives(), ok.resources());
  }

  private static Image withExceptions(List<Image.ExceptionClass> tree) {
    Image ok = TestImages.image(okMain().build());
    return new Image(ok.flags(), ok.names(), ok.constants(), ok.codes(), ok.modules(),
        ok.builtinsModule(), tree, ok.natives(), ok.resources());
  }

  private static Image withTables(List<Constant> constants, List<String> natives,
      List<Image.Resource> resources) {
    Image ok = TestImages.image(okMain().build());
    return new Image(ok.flags(), ok.names(), constants, ok.codes(), ok.modules(),
        ok.builtinsModule(), ok.exceptions(), natives, resources);
  }

  private static List<Image.ExceptionClass> tree(int index, Image.ExceptionClass e) {
    List<Image.ExceptionClass> t = new ArrayList<>(TestImages.exceptions());
    t.set(index, e);
    return t;
  }

  /** A function (code 2) made by main, so that MAKE_FUNCTION refers to it. */
  private static Image withFunction(TestImages.Builder f) {
    return TestImages.image(okMain().build(), f.build());
  }

  private static TestImages.Builder fn(Asm a, int maxStack) {
    return TestImages.function(a.build(), maxStack);
  }

  private static Image handlers(Asm a, int maxStack, Handler... hs) {
    return TestImages.image(TestImages.module(0, a.build(), maxStack).handlers(hs).build());
  }

  /** NOP NOP NOP; LOAD_NONE; RETURN_VALUE: pcs 0 1 2 3 4, 5 bytes. */
  private static Asm nops() {
    return asm().op(NOP).op(NOP).op(NOP).op(LOAD_NONE).op(RETURN_VALUE);
  }

  static Stream<Arguments> brokenImages() {
    return Stream.of(
        // ---- tables ----
        bad("unknown image flags", () -> withNames(TestImages.names(), 4), "unknown bits 0x4"),
        bad("absent name in an unstripped image", () -> {
          List<String> n = new ArrayList<>(TestImages.names());
          n.set(X, null);
          return withNames(n, 0);
        }, "name " + X + " is absent"),
        bad("too many names", () -> {
          List<String> n = new ArrayList<>(TestImages.names());
          n.addAll(Collections.nCopies(ImageFormat.MAX_U16_TABLE, "n"));
          return withNames(n, 0);
        }, "more than the 65536"),
        bad("name too long for a str16", () -> {
          List<String> n = new ArrayList<>(TestImages.names());
          n.set(X, "é".repeat(40_000));
          return withNames(n, 0);
        }, "80000 bytes long"),
        bad("constant without a value", () -> withTables(List.of(new Constant.Str(null)),
            List.of(), List.of()), "constant 0 has no value"),
        bad("native with an empty name", () -> withTables(TestImages.constants(), List.of(""),
            List.of()), "native 0 has an empty name"),
        bad("resource without data", () -> withTables(TestImages.constants(), List.of(),
            List.of(new Image.Resource("r", null))), "resource 0 has no data"),
        bad("no code objects", () -> {
          Image ok = TestImages.image(okMain().build());
          return new Image(0, ok.names(), ok.constants(), List.of(), List.of(), 0,
              ok.exceptions(), List.of(), List.of());
        }, "no code objects"),
        bad("no modules", () -> withModules(List.of(), 0), "no modules"),
        bad("builtins module out of range", () -> withModules(
            List.of(TestImages.mainModule(), TestImages.builtinsModule()), 2),
            "builtins module 2 out of range"),
        // ---- modules ----
        bad("module name id out of range", () -> withModules(List.of(
            new Image.Module(999, "m.py", 0, new int[0]), TestImages.builtinsModule()), 1),
            "module 0 has name id 999 out of range"),
        bad("module without a file", () -> withModules(List.of(
            new Image.Module(TestImages.id("__main__"), null, 0, new int[0]),
            TestImages.builtinsModule()), 1), "has no file name"),
        bad("module body out of range", () -> withModules(List.of(
            new Image.Module(TestImages.id("__main__"), "m.py", 7, new int[0]),
            TestImages.builtinsModule()), 1), "body code 7 out of range"),
        bad("module body of another module", () -> withModules(List.of(
            new Image.Module(TestImages.id("__main__"), "m.py", 1, new int[0]),
            TestImages.builtinsModule()), 1), "body code 1 belongs to module 1"),
        bad("module body that is a function", () -> TestImages.image(
            List.of(okMain().kind(CodeObject.KIND_FUNCTION).build(), TestImages.builtinsBody())),
            "is a function body, not a module body"),
        bad("global name id out of range", () -> withModules(List.of(
            new Image.Module(TestImages.id("__main__"), "m.py", 0, new int[] {X, 5000}),
            TestImages.builtinsModule()), 1), "module 0 '__main__' global 1 has name id 5000"),
        // ---- exception tree ----
        bad("tree shorter than the builtins", () -> withExceptions(
            TestImages.exceptions().subList(0, 3)), "fewer than the 35 builtins"),
        bad("root not its own parent", () -> withExceptions(tree(0,
            new Image.ExceptionClass(0, 1, null))), "the root must be its own parent"),
        bad("parent after its child (a cycle)", () -> withExceptions(tree(35,
            new Image.ExceptionClass(TestImages.id("MyError"), 35, null))),
            "a parent must come before its child"),
        bad("builtin entry renamed", () -> withExceptions(tree(3,
            new Image.ExceptionClass(X, 2, null))), "the builtin tree has 'ZeroDivisionError'"),
        bad("builtin entry reparented", () -> withExceptions(tree(3,
            new Image.ExceptionClass(3, 1, null))), "under 1, the builtin tree has"),
        bad("exception name id out of range", () -> withExceptions(tree(35,
            new Image.ExceptionClass(-1, 1, null))), "exception 35 has name id -1"),
        // ---- code object fields ----
        bad("code name id out of range", () -> mainWith(okMain().nameId(4000)),
            "name id 4000 out of range", 0, -1),
        bad("code module out of range", () -> {
          TestImages.Builder b = fn(asm().op(LOAD_NONE).op(RETURN_VALUE), 1);
          b.module = 3;
          return withFunction(b);
        }, "module 3 out of range (2 modules)", 2, -1),
        bad("unknown kind", () -> withFunction(fn(asm().op(LOAD_NONE).op(RETURN_VALUE), 1)
            .kind(7)), "unknown kind 7", 2, -1),
        bad("unknown code flags", () -> {
          TestImages.Builder b = fn(asm().op(LOAD_NONE).op(RETURN_VALUE), 1);
          b.flags = 0x40;
          return withFunction(b);
        }, "flags 0x40 carry unknown bits", 2, -1),
        bad("negative count", () -> {
          TestImages.Builder b = fn(asm().op(LOAD_NONE).op(RETURN_VALUE), 1);
          b.argCount = -1;
          return withFunction(b);
        }, "argCount -1 is not in 0..65535", 2, -1),
        bad("maxStack too large", () -> withFunction(fn(asm().op(LOAD_NONE).op(RETURN_VALUE),
            70_000)), "maxStack 70000 is not in 0..65535", 2, -1),
        bad("localCount disagrees with the local names", () -> {
          CodeObject f = fn(asm().op(LOAD_NONE).op(RETURN_VALUE), 1).build();
          return TestImages.image(okMain().build(), new CodeObject(f.nameId(), 0, f.kind(), 0, 0,
              0, 3, f.localNames(), new int[0], 0, 1, new int[0], f.code(), new int[0],
              new Handler[0]));
        }, "localCount 3 but 2 local names", 2, -1),
        bad("parameters exceed the locals", () -> {
          TestImages.Builder b = fn(asm().op(LOAD_NONE).op(RETURN_VALUE), 1);
          b.flags = CodeObject.FLAG_VARARGS;
          return withFunction(b);
        }, "3 parameters do not fit 2 locals", 2, -1),
        bad("a module body with parameters", () -> {
          TestImages.Builder b = okMain();
          b.argCount = 1;
          b.localNames = new int[] {X};
          return mainWith(b);
        }, "a module body takes no parameters", 0, -1),
        bad("a module body with free variables", () -> mainWith(okMain().cells(new int[0], 1)),
            "a module body has no free variables", 0, -1),
        bad("a generator class body", () -> {
          TestImages.Builder b = fn(asm().op(LOAD_NONE).op(RETURN_VALUE), 1)
              .kind(CodeObject.KIND_CLASS);
          b.argCount = 0;
          b.flags = CodeObject.FLAG_GENERATOR;
          return withFunction(b);
        }, "a class body cannot be a generator", 2, -1),
        bad("local name id out of range", () -> {
          TestImages.Builder b = fn(asm().op(LOAD_NONE).op(RETURN_VALUE), 1);
          b.localNames = new int[] {X, 9999};
          return withFunction(b);
        }, "local 1 name id 9999 out of range", 2, -1),
        bad("cell starting from a non-parameter", () -> {
          TestImages.Builder b = fn(asm().op(LOAD_NONE).op(RETURN_VALUE), 1);
          b.localNames = new int[] {X, X, X};
          return withFunction(b.cells(new int[] {2}, 0));
        }, "cell 0 starts from slot 2", 2, -1),
        bad("constant index outside the pool", () -> {
          TestImages.Builder b = okMain();
          b.constants = new int[] {0, 4};
          return mainWith(b);
        }, "constant 1 refers to pool entry 4 out of range", 0, -1),
        bad("empty code", () -> TestImages.main(new byte[0], 0), "the code is empty", 0, -1),
        bad("code too long", () -> {
          Asm a = asm();
          for (int i = 0; i < ImageFormat.MAX_CODE_LENGTH; i++) {
            a.op(NOP);
          }
          return main(a.op(LOAD_NONE).op(RETURN_VALUE), 1);
        }, "the code is 65537 bytes", 0, -1),
        bad("null handler", () -> handlers(nops(), 1, (Handler) null), "handler 0 is null", 0,
            -1),
        // ---- instructions ----
        bad("undefined opcode", () -> main(asm().op(NOP).raw(0xFF), 1),
            "pc 1 opcode 0xff: undefined opcode", 0, 1),
        bad("truncated instruction", () -> main(asm().op(NOP).raw(LOAD_CONST, 0), 1),
            "pc 1 LOAD_CONST: the instruction needs 3 bytes, only 2 are left", 0, 1),
        bad("constant out of range", () -> main(asm().op(LOAD_CONST, 2).op(RETURN_VALUE), 1),
            "LOAD_CONST: constant 2 out of range (2 constants)", 0, 0),
        bad("local out of range", () -> main(asm().op(LOAD_FAST, 0).op(RETURN_VALUE), 1),
            "LOAD_FAST: local 0 out of range (0 locals)", 0, 0),
        bad("global out of range", () -> main(asm().op(LOAD_GLOBAL, 4).op(RETURN_VALUE), 1),
            "global 4 out of range (4 globals in module 0)", 0, 0),
        bad("name out of range", () -> main(asm().op(LOAD_NONE).op(LOAD_ATTR, 1000)
            .op(RETURN_VALUE), 1), "pc 1 LOAD_ATTR: name id 1000 out of range", 0, 1),
        bad("code out of range", () -> main(asm().op(MAKE_FUNCTION, 9, 0).op(RETURN_VALUE), 1),
            "code 9 out of range (2 code objects)", 0, 0),
        bad("native out of range", () -> main(asm().op(LOAD_NATIVE, 1).op(RETURN_VALUE), 1),
            "native 1 out of range (1 natives)", 0, 0),
        bad("builtin out of range", () -> main(asm().op(LOAD_BUILTIN, 2).op(RETURN_VALUE), 1),
            "builtin 2 out of range (2 globals in the builtins module)", 0, 0),
        bad("exception out of range", () -> main(asm().op(LOAD_EXCEPTION, 36).op(RETURN_VALUE),
            1), "exception 36 out of range (36 exceptions)", 0, 0),
        bad("module out of range", () -> main(asm().op(IMPORT_NAME, 2).op(RETURN_VALUE), 1),
            "module 2 out of range (2 modules)", 0, 0),
        bad("cell out of range", () -> withFunction(fn(asm().op(LOAD_DEREF, 1).op(RETURN_VALUE),
            1).cells(new int[] {0}, 0)), "cell 1 out of range (1 cells and free variables)", 2, 0),
        bad("flags outside the mask", () -> main(asm().op(LOAD_NONE).op(LOAD_NONE)
            .op(CALL_EX, 2).op(RETURN_VALUE), 3), "flags 0x2 outside 0x1", 0, 2),
        bad("slice of four", () -> main(asm().op(LOAD_NONE).op(LOAD_NONE).op(LOAD_NONE)
            .op(LOAD_NONE).op(BUILD_SLICE, 4).op(RETURN_VALUE), 4), "a slice takes 2 or 3 items",
            0, 4),
        bad("undefined format conversion", () -> main(asm().op(LOAD_NONE).op(FORMAT_VALUE, 6)
            .op(RETURN_VALUE), 1), "conversion bits 3 are undefined", 0, 1),
        bad("MAKE_FUNCTION of a module body", () -> main(asm().op(MAKE_FUNCTION, 1, 0)
            .op(RETURN_VALUE), 1), "code 1 is a module body, not a function", 0, 0),
        bad("closure bit without free variables", () -> {
          Image ok = withFunction(fn(asm().op(LOAD_NONE).op(RETURN_VALUE), 1));
          CodeObject main = TestImages.module(0, asm().op(LOAD_NONE).op(MAKE_FUNCTION, 2, 4)
              .op(RETURN_VALUE).build(), 1).build();
          return TestImages.image(main, ok.codes().get(2));
        }, "code 2 has 0 free variables but the closure bit is set", 0, 1),
        bad("free variables without a closure", () -> {
          CodeObject f = fn(asm().op(LOAD_NONE).op(RETURN_VALUE), 1).cells(new int[0], 1).build();
          CodeObject main = TestImages.module(0, asm().op(MAKE_FUNCTION, 2, 0).op(RETURN_VALUE)
              .build(), 1).build();
          return TestImages.image(main, f);
        }, "code 2 has 1 free variables but the closure bit is clear", 0, 0),
        bad("BUILD_CLASS of a function body", () -> {
          CodeObject f = fn(asm().op(LOAD_NONE).op(RETURN_VALUE), 1).build();
          CodeObject main = TestImages.module(0, asm().op(BUILD_CLASS, 2, 0).op(RETURN_VALUE)
              .build(), 1).build();
          return TestImages.image(main, f);
        }, "code 2 is a function body, not a class", 0, 0),
        // ---- jumps ----
        bad("jump into the middle of an instruction", () -> main(asm().op(JUMP, 4)
            .op(LOAD_CONST, 0).op(RETURN_VALUE), 1), "jump target 4 is inside an instruction", 0,
            0),
        bad("jump past the end", () -> main(asm().op(JUMP, 50).op(LOAD_NONE).op(RETURN_VALUE), 1),
            "jump target 50 is past the end of the code (5 bytes)", 0, 0),
        bad("backward JUMP", () -> main(asm().op(NOP).op(JUMP, 0).op(LOAD_NONE)
            .op(RETURN_VALUE), 1), "pc 1 JUMP: jump target 0 is not forward; only LOOP", 0, 1),
        bad("JUMP to itself", () -> main(asm().op(JUMP, 0).op(LOAD_NONE).op(RETURN_VALUE), 1),
            "jump target 0 is not forward", 0, 0),
        bad("backward conditional jump", () -> main(asm().op(LOAD_TRUE)
            .op(POP_JUMP_IF_FALSE, 0).op(LOAD_NONE).op(RETURN_VALUE), 1),
            "POP_JUMP_IF_FALSE: jump target 0 is not forward", 0, 1),
        bad("forward LOOP", () -> main(asm().op(LOOP, 3).op(LOAD_NONE).op(RETURN_VALUE), 1),
            "LOOP: jump target 3 is forward; LOOP only jumps backward", 0, 0),
        // ---- handlers ----
        bad("handler start inside an instruction", () -> handlers(asm().op(LOAD_CONST, 0)
            .op(RETURN_VALUE).op(POP_TOP).op(LOAD_NONE).op(RETURN_VALUE), 2,
            new Handler(1, 3, 4, 0)), "startPc is not an instruction boundary", 0, -1),
        bad("empty handler range", () -> handlers(nops(), 2, new Handler(1, 1, 3, 0)),
            "endPc is not an instruction boundary after startPc", 0, -1),
        bad("handler end inside an instruction", () -> handlers(asm().op(LOAD_CONST, 0)
            .op(RETURN_VALUE).op(POP_TOP).op(LOAD_NONE).op(RETURN_VALUE), 2,
            new Handler(0, 2, 4, 0)), "endPc is not an instruction boundary", 0, -1),
        bad("handler pc past the end", () -> handlers(nops(), 2, new Handler(0, 1, 5, 0)),
            "handlerPc is not an instruction boundary", 0, -1),
        bad("handler pc inside its range", () -> handlers(nops(), 2, new Handler(0, 3, 1, 0)),
            "handlerPc lies before the end of the range", 0, -1),
        bad("handler depth leaves no room for the exception", () -> handlers(nops(), 1,
            new Handler(0, 1, 3, 1)), "depth 1 plus the exception exceeds maxStack 1", 0, -1),
        bad("negative handler depth", () -> handlers(nops(), 1, new Handler(0, 1, 3, -1)),
            "or is negative", 0, -1),
        bad("handler ranges that cross", () -> handlers(nops(), 2, new Handler(0, 2, 3, 0),
            new Handler(1, 3, 3, 0)), "overlap without nesting", 0, -1),
        bad("outer handler before the inner one", () -> handlers(nops(), 2,
            new Handler(0, 3, 3, 0), new Handler(1, 2, 3, 0)),
            "handler 0 [0, 3) -> 3 depth 0 encloses handler 1", 0, -1),
        bad("handler entry depth disagrees with the fall-through", () -> handlers(
            asm().op(LOAD_CONST, 0).op(LOAD_CONST, 0).op(POP_TOP).op(RETURN_VALUE), 2,
            new Handler(0, 3, 7, 1)),
            "pc 7 RETURN_VALUE: stack depths disagree here: 1 coming from pc 6, 2 coming from"
                + " handler 0", 0, 7),
        bad("may raise with fewer values than the handler keeps", () -> handlers(
            asm().op(LOAD_CONST, 0).op(LOAD_CONST, 0).op(ADD).op(RETURN_VALUE).op(POP_TOP)
                .op(POP_TOP).op(LOAD_NONE).op(RETURN_VALUE), 3, new Handler(6, 7, 8, 1)),
            "ADD: may raise with 0 values under its operands, but handler 0", 0, 6),
        // ---- line table ----
        bad("odd line table", () -> mainWith(okMain().lines(0, 1, 1)), "odd length 3", 0, -1),
        bad("line table pcs descending", () -> mainWith(TestImages.module(0, nops().build(), 1).lines(0, 1, 2, 2, 1, 3)),
            "pc 1 comes after pc 2", 0, -1),
        bad("line table pc inside an instruction", () -> mainWith(TestImages.module(0,
            asm().op(LOAD_CONST, 0).op(RETURN_VALUE).build(), 1).lines(0, 1, 1, 2)),
            "pc 1 is not an instruction boundary", 0, -1),
        bad("negative line", () -> mainWith(okMain().lines(0, -5)), "negative line -5", 0, -1),
        // ---- stack ----
        bad("stack underflow", () -> main(asm().op(LOAD_NONE).op(ADD).op(RETURN_VALUE), 2),
            "pc 1 ADD: stack underflow: pops 2 with depth 1", 0, 1),
        bad("stack overflow past maxStack", () -> main(asm().op(LOAD_NONE).op(DUP_TOP)
            .op(POP_TOP).op(RETURN_VALUE), 1), "DUP_TOP: stack overflow: depth 2 exceeds maxStack 1",
            0, 1),
        bad("overflow on a FOR_ITER", () -> main(asm().op(LOAD_NONE).op(GET_ITER)
            .op(FOR_ITER, 8).op(LOOP, 2).op(RETURN_VALUE), 1),
            "FOR_ITER: stack overflow: depth 2 exceeds maxStack 1", 0, 2),
        bad("inconsistent depth where paths merge", () -> {
          Asm a = asm();
          int join = a.newLabel();
          a.op(LOAD_TRUE).jump(POP_JUMP_IF_FALSE, join).op(LOAD_NONE).bind(join)
              .op(LOAD_NONE).op(RETURN_VALUE);
          return main(a, 2);
        }, "pc 5 LOAD_NONE: stack depths disagree here: 1 coming from pc 4, 0 coming from pc 1",
            0, 5),
        bad("falling off the end", () -> main(asm().op(LOAD_NONE).op(POP_TOP), 1),
            "pc 1 POP_TOP: execution falls off the end of the code", 0, 1),
        bad("a branch falling off the end", () -> {
          Asm a = asm();
          int end = a.newLabel();
          a.op(LOAD_TRUE).jump(POP_JUMP_IF_TRUE, end).op(LOAD_NONE).op(RETURN_VALUE).bind(end)
              .op(NOP);
          return main(a, 1);
        }, "pc 6 NOP: execution falls off the end", 0, 6));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenImages")
  void rejects(String check, Supplier<Image> image, String fragment, int codeIndex, int pc) {
    Image broken = image.get();
    BadImageException e = assertThrows(BadImageException.class, () -> Verifier.verify(broken));
    assertTrue(e.getMessage().contains(fragment), () -> check + ": message was\n  "
        + e.getMessage() + "\nexpected it to contain\n  " + fragment);
    assertEquals(codeIndex, e.codeIndex(), "codeIndex of " + e.getMessage());
    assertEquals(pc, e.pc(), "pc of " + e.getMessage());
    assertThrows(BadImageException.class, () -> ImageWriter.write(broken));
    byte[] bytes;
    try {
      bytes = ImageWriter.writeUnverified(broken);
    } catch (IllegalArgumentException | NullPointerException notEncodable) {
      return; // the format cannot even carry this value: the reader never sees it
    }
    BadImageException r = assertThrows(BadImageException.class, () -> ImageReader.read(bytes));
    assertEquals(e.getMessage(), r.getMessage(), "the reader runs the same check");
  }

  @Test
  void acceptsAStrippedNameTable() {
    List<String> n = new ArrayList<>(TestImages.names());
    n.set(X, null);
    Image stripped = withNames(n, Image.FLAG_NAMES_STRIPPED);
    Verifier.verify(stripped);
    assertEquals(stripped, ImageReader.read(ImageWriter.write(stripped)));
  }

  @Test
  void acceptsLoopsBranchesHandlersAndClosures() {
    Image image = TestImages.sample();
    Verifier.verify(image);
    assertEquals(image, ImageReader.read(ImageWriter.write(image)));
  }
}
