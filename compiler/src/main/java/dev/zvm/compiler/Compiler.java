package dev.zvm.compiler;

import dev.zvm.bytecode.BadImageException;
import dev.zvm.bytecode.ExceptionTree;
import dev.zvm.bytecode.Image;
import dev.zvm.bytecode.Verifier;
import dev.zvm.compiler.Ast.*;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Python source to a verified {@link Image}: the compiler's entry point.
 *
 * <pre>{@code
 * Compiler c = Compiler.builder().searchPath(List.of(libDir)).stripNames(false).build();
 * Compilation r = c.compile(Path.of("app.py"));
 * if (!r.ok()) System.err.print(r.formatDiagnostics());
 * }</pre>
 *
 * <p>A program is its main module ({@code __main__}, module 0), the builtins module
 * ({@code __builtins__.py} of the bundled stdlib, module 1) and every module they import. A
 * module {@code a.b} is {@code a/b.py} or {@code a/b/__init__.py}, looked up in the main file's
 * folder, then in each search path, then in the bundled stdlib.
 *
 * <p>Whatever the input, the compiler returns a {@link Compilation}; nothing else escapes. It
 * runs on a thread of its own with a large stack, and every recursive pass counts its depth, so
 * deep nesting is a "too deeply nested" diagnostic and never a StackOverflowError. Instances are
 * immutable and may be shared.
 */
public final class Compiler {
  static final String STDLIB = "/dev/zvm/compiler/stdlib/";
  /**
   * The compile thread's stack. The depth limits (Parser.MAX_NESTING, CodeGen.MAX_DEPTH) keep the
   * deepest input within 4 MiB (CodeGenTest and ParserTest's deep cases pass with 4 MiB); this is
   * 16 times that, and costs only address space.
   */
  private static final long STACK_BYTES = 64L << 20;

  private final List<Path> searchPath;
  private final boolean stripNames;
  private final Map<String, Long> constants;

  private Compiler(Builder b) {
    this.searchPath = List.copyOf(b.searchPath);
    this.stripNames = b.stripNames;
    this.constants = b.constants;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Configuration of a {@link Compiler}. */
  public static final class Builder {
    private List<Path> searchPath = List.of();
    private boolean stripNames;
    private Map<String, Long> constants = Map.of();

    private Builder() {}

    /** Folders searched for imported modules after the main file's own folder ({@code -I}). */
    public Builder searchPath(List<Path> dirs) {
      this.searchPath = List.copyOf(Objects.requireNonNull(dirs, "searchPath"));
      return this;
    }

    /** Drop the names the VM does not need from the name table (smaller image, "#id" in traces). */
    public Builder stripNames(boolean strip) {
      this.stripNames = strip;
      return this;
    }

    /**
     * Names that compile to integer constants when nothing else defines them: a board's pins and
     * peripherals ({@code LED0}, {@code SERIAL0}), given by the front end (the compiler knows no
     * board). A name may be dotted once ({@code D3.PWM}): {@code D3.PWM} in the source is then
     * that constant. Locals, globals and builtins of the same name win.
     */
    public Builder constants(Map<String, Long> names) {
      Map<String, Long> copy = new LinkedHashMap<>();
      for (Map.Entry<String, Long> e : Objects.requireNonNull(names, "constants").entrySet()) {
        String k = Objects.requireNonNull(e.getKey(), "constant name");
        if (!k.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
          throw new IllegalArgumentException("constant=\"" + k + "\" is not a name or a dotted pair of names");
        }
        copy.put(k, Objects.requireNonNull(e.getValue(), "value of constant " + k));
      }
      this.constants = java.util.Collections.unmodifiableMap(copy);
      return this;
    }

    public Compiler build() {
      return new Compiler(this);
    }
  }

  /** Compiles the program whose main module is {@code mainFile}. */
  public Compilation compile(Path mainFile) {
    if (mainFile == null) {
      return failed(new Diagnostic("<none>", 0, 0, "no main file given", ""));
    }
    String display = mainFile.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(mainFile);
    } catch (IOException | RuntimeException e) {
      return failed(new Diagnostic(display, 0, 0, "cannot read the file: " + describe(e), ""));
    }
    Path dir = mainFile.toAbsolutePath().getParent();
    return run(display, bytes, null, dir);
  }

  /** Compiles a main module given as text; {@code fileName} names it in diagnostics. */
  public Compilation compileSource(String fileName, String source) {
    String display = fileName == null ? "<string>" : fileName;
    if (source == null) {
      return failed(new Diagnostic(display, 0, 0, "no source given", ""));
    }
    Path dir = null;
    try {
      Path p = Path.of(display).toAbsolutePath().getParent();
      dir = p != null && Files.isDirectory(p) ? p : null;
    } catch (RuntimeException e) {
      dir = null; // not a path: no program folder
    }
    return run(display, null, source, dir);
  }

  private static Compilation failed(Diagnostic d) {
    return new Compilation(null, List.of(d), CompileStats.NONE);
  }

  private static String describe(Throwable e) {
    return e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
  }

  /** Runs one compilation on a thread with a large stack; converts anything thrown. */
  private Compilation run(String display, byte[] bytes, String text, Path dir) {
    Compilation[] result = new Compilation[1];
    Runnable job = () -> {
      try {
        String src = text != null ? text : decode(bytes);
        if (src == null) {
          result[0] = failed(new Diagnostic(display, 0, 0, "the file is not valid UTF-8", ""));
          return;
        }
        result[0] = new Session(display, src, dir).compile();
      } catch (Throwable e) { // the boundary: nothing escapes the compiler
        result[0] = failed(new Diagnostic(display, 0, 0, "internal compiler error: " + describe(e), ""));
      }
    };
    Thread t = new Thread(null, job, "zvm-compiler", STACK_BYTES);
    t.setDaemon(true);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(new Diagnostic(display, 0, 0, "compilation interrupted", ""));
    }
    return result[0] != null ? result[0]
        : failed(new Diagnostic(display, 0, 0, "internal compiler error: no result", ""));
  }

  static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  static String normalize(String src) {
    String s = src.startsWith("\uFEFF") ? src.substring(1) : src;
    if (s.indexOf('\r') >= 0) {
      s = s.replace("\r\n", "\n").replace('\r', '\n');
    }
    return s;
  }

  // ---------------------------------------------------------------------------------------------

  /** One compilation's state: the modules found so far and the diagnostics. */
  private final class Session implements CodeGen.Program {
    private final String mainDisplay;
    private final String mainSource;
    private final Path mainDir;
    private final Map<String, ModuleUnit> byName = new LinkedHashMap<>();
    private final List<ModuleUnit> order = new ArrayList<>();
    private final List<Diagnostic> errors = new ArrayList<>();
    private final List<String[]> userExceptions = new ArrayList<>();
    private final List<Integer> userParents = new ArrayList<>();
    private final Map<String, Integer> userExceptionIndex = new HashMap<>();
    private ModuleUnit builtins;

    Session(String display, String source, Path dir) {
      this.mainDisplay = display;
      this.mainSource = source;
      this.mainDir = dir;
    }

    Compilation compile() {
      ModuleUnit main = new ModuleUnit("__main__", new SourceFile(mainDisplay, normalize(mainSource)));
      byName.put("__main__", main);
      order.add(main);
      main.body = Parser.parseModule(main.source, errors);
      builtins = load("__builtins__");
      if (builtins == null) {
        return failed(new Diagnostic(mainDisplay, 0, 0, "internal compiler error: the bundled __builtins__.py is missing", ""));
      }
      discoverImports(main);
      if (!errors.isEmpty()) {
        return done(null, CompileStats.NONE);
      }
      for (ModuleUnit m : order) {
        scope(m, new LinkedHashSet<>());
      }
      if (!errors.isEmpty()) {
        return done(null, CompileStats.NONE);
      }
      for (ModuleUnit m : order) {
        new CodeGen(this, m, errors).generateModule();
      }
      if (!errors.isEmpty()) {
        return done(null, CompileStats.NONE);
      }
      Linker.Linked linked;
      try {
        linked = new Linker(order, userExceptions, userParents, stripNames).link();
      } catch (Assembler.AssemblyError e) {
        CodeUnit u = e.unit;
        errors.add(u == null ? new Diagnostic(mainDisplay, 0, 0, e.getMessage(), "")
            : u.module.source.error(u.firstLine, 1, e.getMessage()));
        return done(null, CompileStats.NONE);
      }
      try {
        Verifier.verify(linked.image());
      } catch (BadImageException e) {
        errors.add(new Diagnostic(mainDisplay, 0, 0,
            "internal compiler error: the image does not verify: " + e.getMessage(), ""));
        return done(null, CompileStats.NONE);
      }
      return done(linked.image(), linked.stats());
    }

    private Compilation done(Image image, CompileStats stats) {
      // a finally body is generated once per way out: report each error once
      List<Diagnostic> unique = new ArrayList<>(new LinkedHashSet<>(errors));
      List<String> files = new ArrayList<>();
      for (Diagnostic d : unique) {
        if (!files.contains(d.file())) {
          files.add(d.file());
        }
      }
      unique.sort(Comparator.comparingInt((Diagnostic d) -> files.indexOf(d.file()))
          .thenComparingInt(Diagnostic::line)
          .thenComparingInt(Diagnostic::col));
      return new Compilation(unique.isEmpty() ? image : null, unique, stats);
    }

    // ---- module loading ----

    /** Finds, reads and parses module {@code dotted}, or returns null if there is none. */
    private ModuleUnit load(String dotted) {
      if (byName.containsKey(dotted)) {
        return byName.get(dotted);
      }
      String rel = dotted.replace('.', '/');
      List<Path> dirs = new ArrayList<>();
      if (mainDir != null) {
        dirs.add(mainDir);
      }
      dirs.addAll(searchPath);
      for (Path dir : dirs) {
        for (String candidate : new String[] {rel + ".py", rel + "/__init__.py"}) {
          Path p;
          try {
            p = dir.resolve(candidate);
          } catch (RuntimeException e) {
            continue;
          }
          if (Files.isRegularFile(p)) {
            String display = mainDir != null && dir.equals(mainDir)
                ? relativeDisplay(candidate) : p.toString();
            try {
              String text = decode(Files.readAllBytes(p));
              if (text == null) {
                errors.add(new Diagnostic(display, 0, 0, "the file is not valid UTF-8", ""));
                text = "";
              }
              return register(dotted, display, text, candidate.endsWith("__init__.py"));
            } catch (IOException e) {
              errors.add(new Diagnostic(display, 0, 0, "cannot read the file: " + describe(e), ""));
              return register(dotted, display, "", false);
            }
          }
        }
      }
      for (Path dir : dirs) {
        // a folder without __init__.py is a namespace package: an empty module with submodules
        try {
          Path p = dir.resolve(rel);
          if (Files.isDirectory(p)) {
            return register(dotted, p.toString(), "", true);
          }
        } catch (RuntimeException e) {
          continue;
        }
      }
      for (String candidate : new String[] {rel + ".py", rel + "/__init__.py"}) {
        try (InputStream in = Compiler.class.getResourceAsStream(STDLIB + candidate)) {
          if (in != null) {
            String text = decode(in.readAllBytes());
            return register(dotted, "stdlib/" + candidate, text == null ? "" : text,
                candidate.endsWith("__init__.py"));
          }
        } catch (IOException e) {
          errors.add(new Diagnostic("stdlib/" + candidate, 0, 0, "cannot read: " + describe(e), ""));
        }
      }
      return null;
    }

    private String relativeDisplay(String candidate) {
      Path main = Path.of(mainDisplay).getParent();
      return main == null ? candidate : main.resolve(candidate).toString();
    }

    private ModuleUnit register(String dotted, String display, String text, boolean isPackage) {
      ModuleUnit m = new ModuleUnit(dotted, new SourceFile(display, normalize(text)));
      m.isPackage = isPackage;
      byName.put(dotted, m);
      order.add(m);
      m.body = Parser.parseModule(m.source, errors);
      discoverImports(m);
      return m;
    }

    private void discoverImports(ModuleUnit m) {
      List<Stmt> work = new ArrayList<>(m.body);
      while (!work.isEmpty()) {
        Stmt s = work.remove(work.size() - 1);
        if (s instanceof Import im) {
          for (Alias a : im.names()) {
            link(m, a.name());
          }
        } else if (s instanceof ImportFrom im) {
          if (im.level() == 0 && im.module() != null && !im.module().equals("__future__")) {
            ModuleUnit target = link(m, im.module());
            if (target != null && target.isPackage) {
              for (Alias a : im.names()) {
                if (!a.name().equals("*")) {
                  ModuleUnit sub = load(im.module() + "." + a.name());
                  if (sub != null) {
                    m.imports.put(im.module() + "." + a.name(), sub);
                  }
                }
              }
            }
          }
        } else {
          children(s, work);
        }
      }
    }

    private ModuleUnit link(ModuleUnit from, String dotted) {
      ModuleUnit target = load(dotted);
      if (target != null) {
        from.imports.put(dotted, target);
      }
      return target;
    }

    private void children(Stmt s, List<Stmt> work) {
      if (s instanceof FunctionDef f) {
        work.addAll(f.body());
      } else if (s instanceof ClassDef c) {
        work.addAll(c.body());
      } else if (s instanceof If i) {
        work.addAll(i.body());
        work.addAll(i.orElse());
      } else if (s instanceof While w) {
        work.addAll(w.body());
        work.addAll(w.orElse());
      } else if (s instanceof For f) {
        work.addAll(f.body());
        work.addAll(f.orElse());
      } else if (s instanceof Try t) {
        work.addAll(t.body());
        for (ExceptHandler h : t.handlers()) {
          work.addAll(h.body());
        }
        work.addAll(t.orElse());
        work.addAll(t.finalBody());
      } else if (s instanceof With w) {
        work.addAll(w.body());
      }
    }

    // ---- scopes ----

    private void scope(ModuleUnit m, LinkedHashSet<ModuleUnit> visiting) {
      if (m.scopes != null || !visiting.add(m)) {
        return;
      }
      for (Stmt s : m.body) {
        if (s instanceof ImportFrom im && im.names().size() == 1
            && im.names().get(0).name().equals("*") && im.level() == 0 && im.module() != null) {
          ModuleUnit src = m.imports.get(im.module());
          if (src != null) {
            scope(src, visiting);
            m.starImports.put(im.module(), exports(src));
          }
        }
      }
      Scopes scopes = new Scopes(m.source, errors);
      for (List<String> names : m.starImports.values()) {
        for (String n : names) {
          scopes.module.add(n, Scopes.BOUND);
        }
      }
      scopes.analyse(m.body);
      m.scopes = scopes;
      m.globals.addAll(scopes.module.locals());
    }

    /** What {@code from m import *} binds: {@code __all__} if it is a literal, else public globals. */
    private List<String> exports(ModuleUnit m) {
      for (Stmt s : m.body) {
        if (s instanceof Assign a && a.targets().size() == 1
            && a.targets().get(0) instanceof Name n && n.id().equals("__all__")) {
          List<Expr> elts = a.value() instanceof ListExpr l ? l.elts()
              : a.value() instanceof TupleExpr t ? t.elts() : null;
          if (elts != null && elts.stream().allMatch(e -> e instanceof Const c && c.kind() == ConstKind.STR)) {
            List<String> out = new ArrayList<>();
            for (Expr e : elts) {
              out.add((String) ((Const) e).value());
            }
            return out;
          }
        }
      }
      List<String> out = new ArrayList<>();
      if (m.scopes != null) {
        for (String n : m.scopes.module.locals()) {
          if (!n.startsWith("_")) {
            out.add(n);
          }
        }
      }
      return out;
    }

    // ---- CodeGen.Program ----

    @Override
    public List<String> builtinNames() {
      return builtins.globals;
    }

    @Override
    public ModuleUnit builtinsModule() {
      return builtins;
    }

    @Override
    public Long constant(String name) {
      return constants.get(name);
    }

    @Override
    public ModuleUnit module(ModuleUnit from, String dotted) {
      return from.imports.get(dotted);
    }

    @Override
    public int userException(String name) {
      return userExceptionIndex.getOrDefault(name, -1);
    }

    @Override
    public int addException(String name, int parent, String message) {
      int index = ExceptionTree.BUILTIN_COUNT + userExceptions.size();
      userExceptions.add(new String[] {name, null, message});
      userParents.add(parent);
      userExceptionIndex.put(name, index);
      return index;
    }
  }
}
