package dev.zvm.compiler;

import static dev.zvm.compiler.Programs.codeIndex;
import static dev.zvm.compiler.Programs.image;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zvm.bytecode.Image;
import dev.zvm.bytecode.ImageWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkerTest {

  @TempDir Path dir;

  private static boolean has(Image img, String code) {
    return codeIndex(img, code) >= 0;
  }

  @Test
  void aFunctionNoReachableCodeNamesIsDropped() {
    Compilation r = Programs.COMPILER.compileSource("t.py", """
        def used():
            return helper()
        def helper():
            return 1
        def unused():
            return only_from_unused()
        def only_from_unused():
            return 2
        print(used())
        """);
    assertTrue(r.ok(), r::formatDiagnostics);
    Image img = Programs.checked(r.image());
    assertTrue(has(img, "used"));
    assertTrue(has(img, "helper"));
    assertFalse(has(img, "unused"));
    assertFalse(has(img, "only_from_unused"), "dropped transitively");
    Compilation baseline = Programs.COMPILER.compileSource("t.py",
        "def used():\n    return helper()\ndef helper():\n    return 1\nprint(used())\n");
    assertEquals(2, r.stats().droppedCodeObjects() - baseline.stats().droppedCodeObjects(),
        "the two unused functions (the rest is unused code of the builtins)");
    assertTrue(r.stats().droppedBytes() > baseline.stats().droppedBytes());
    assertFalse(Programs.ops(img, "__main__").contains("MAKE_FUNCTION MAKE_FUNCTION MAKE_FUNCTION"),
        "the definitions themselves are gone");
  }

  @Test
  void aMethodReachedThroughAnAttributeNameIsKept() {
    Image img = image("""
        class A:
            def __init__(self):
                self.v = 1
            def m(self):
                return 1
            def n(self):
                return 2
            def by_getattr(self):
                return 3
            def never(self):
                return 4
            def __repr__(self):
                return "A"
        class Other:
            pass
        def call(o):
            return o.m()
        a = A()
        print(call(a), getattr(a, "by_getattr")())
        """);
    assertTrue(has(img, "m"), "o.m() on any object keeps every method m");
    assertTrue(has(img, "by_getattr"), "a literal getattr name keeps the method");
    assertTrue(has(img, "__init__"));
    assertTrue(has(img, "__repr__"), "the VM calls dunders itself");
    assertFalse(has(img, "n"));
    assertFalse(has(img, "never"));
    assertFalse(has(img, "Other"), "a class nothing names is dropped");
  }

  @Test
  void codeWithEffectsIsKeptEvenIfUnnamed() {
    Image img = image("""
        class Loud:
            print("class body runs")
        def f(x=print("default runs")):
            pass
        """);
    assertTrue(has(img, "Loud"));
    assertTrue(has(img, "f"));
  }

  @Test
  void onlyUsedNativesAreListed() {
    Image img = image("print(len('abc'))\n");
    assertEquals(List.of("builtins.print", "builtins.len"), img.natives());
  }

  @Test
  void aModuleImportedOnlyFromDroppedCodeIsDropped() throws Exception {
    Files.writeString(dir.resolve("lonely.py"), "def f():\n    return 1\n");
    Files.writeString(dir.resolve("used.py"), "def g():\n    return 2\n");
    Path main = dir.resolve("main.py");
    Files.writeString(main, """
        import used
        def never():
            import lonely
            return lonely.f()
        print(used.g())
        """);
    Compilation r = Programs.COMPILER.compile(main);
    assertTrue(r.ok(), r::formatDiagnostics);
    Image img = Programs.checked(r.image());
    List<String> modules = img.modules().stream().map(m -> img.name(m.nameId())).toList();
    assertEquals(List.of("__main__", "__builtins__", "used"), modules);
    assertEquals(1, r.stats().droppedModules());
    assertTrue(img.modules().get(2).file().endsWith("used.py"));
  }

  @Test
  void modulesResolveFromTheProgramFolderThenIncludePathsThenTheStdlib() throws Exception {
    Path lib = Files.createDirectories(dir.resolve("lib"));
    Path app = Files.createDirectories(dir.resolve("app"));
    Files.writeString(lib.resolve("shared.py"), "WHERE = 'lib'\n");
    Files.writeString(lib.resolve("time.py"), "WHERE = 'lib time'\n");
    Files.writeString(app.resolve("shared.py"), "WHERE = 'app'\n");
    Path main = app.resolve("main.py");
    Files.writeString(main, "import shared\nimport time\nprint(shared.WHERE, time.WHERE)\n");
    Compilation r = Compiler.builder().searchPath(List.of(lib)).build().compile(main);
    assertTrue(r.ok(), r::formatDiagnostics);
    Image img = r.image();
    assertTrue(img.constants().contains(new dev.zvm.bytecode.Constant.Str("app")));
    assertTrue(img.constants().contains(new dev.zvm.bytecode.Constant.Str("lib time")),
        "an include path comes before the bundled stdlib");
    Compilation std = Compiler.builder().build().compileSource("x.py", "import time\nprint(time.time())\n");
    assertTrue(std.ok(), std::formatDiagnostics);
    assertTrue(std.image().natives().contains("time.time"));
  }

  @Test
  void packagesAndSubmodules() throws Exception {
    Path pkg = Files.createDirectories(dir.resolve("pkg"));
    Files.writeString(pkg.resolve("__init__.py"), "NAME = 'pkg'\n");
    Files.writeString(pkg.resolve("sub.py"), "def f():\n    return 'sub'\n");
    Path ns = Files.createDirectories(dir.resolve("ns"));
    Files.writeString(ns.resolve("mod.py"), "X = 1\n");
    Path main = dir.resolve("main.py");
    Files.writeString(main, "import pkg\nfrom pkg import sub, NAME\nimport ns.mod as m\n"
        + "from ns import mod\nfrom pkg.sub import f\nprint(pkg.NAME, sub.f(), NAME, m.X, mod.X, f())\n");
    Compilation r = Programs.COMPILER.compile(main);
    assertTrue(r.ok(), r::formatDiagnostics);
    Programs.checked(r.image());
  }

  @Test
  void strippedNamesKeepWhatTheVmNeeds() {
    String src = """
        class Point:
            def __init__(self, x, y):
                self.x = x
                self.y = y
            def norm(self):
                return self.x * self.x + self.y * self.y
        some_global = Point(y=2, x=1)
        print(some_global.norm())
        """;
    Compilation plain = Programs.COMPILER.compileSource("t.py", src);
    Compilation stripped = Compiler.builder().stripNames(true).build().compileSource("t.py", src);
    assertTrue(stripped.ok(), stripped::formatDiagnostics);
    Image img = Programs.checked(stripped.image());
    assertTrue((img.flags() & Image.FLAG_NAMES_STRIPPED) != 0);
    List<String> names = img.names();
    assertTrue(names.contains("norm") && names.contains("x") && names.contains("__init__"));
    assertTrue(names.contains("ValueError"), "exception names print in tracebacks");
    assertFalse(names.contains("some_global"), "a global's name is only a slot");
    assertTrue(names.contains(null));
    assertTrue(ImageWriter.write(img).length < ImageWriter.write(plain.image()).length);
  }

  @Test
  void limitsAreCompileErrors() {
    StringBuilder manyLocals = new StringBuilder("def f():\n");
    for (int i = 0; i < 300; i++) {
      manyLocals.append("    v").append(i).append(" = ").append(i).append('\n');
    }
    manyLocals.append("f()\n");
    Compilation r = Programs.COMPILER.compileSource("t.py", manyLocals.toString());
    assertFalse(r.ok());
    assertTrue(r.formatDiagnostics().contains("'f' has too many local variables: 300, at most 256"),
        r.formatDiagnostics());

    StringBuilder big = new StringBuilder("def f(o):\n");
    for (int i = 0; i < 7000; i++) {
      big.append("    o.a = o.b + o.c\n");
    }
    big.append("f(1)\n");
    r = Programs.COMPILER.compileSource("t.py", big.toString());
    assertFalse(r.ok());
    assertTrue(r.formatDiagnostics().contains("'f' is too large"), r.formatDiagnostics());

    StringBuilder names = new StringBuilder();
    for (int f = 0; f < 70; f++) {
      names.append("def f").append(f).append("(o):\n");
      for (int i = 0; i < 1000; i++) {
        names.append("    o.n").append(f).append('_').append(i).append('\n');
      }
      names.append("f").append(f).append("(0)\n");
    }
    r = Programs.COMPILER.compileSource("t.py", names.toString());
    assertFalse(r.ok());
    assertTrue(r.formatDiagnostics().contains("too many names"), r.formatDiagnostics());
    assertNull(r.image());
  }
}
