package dev.zvm.bytecode;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random valid images: random tables and code objects whose bodies are built from
 * structured pieces (straight-line instructions, if/else, while and for loops, and/or, try/except)
 * so that every jump, depth and index is valid. The same seed gives the same image.
 */
final class RandomImages {
  private final SplittableRandom r;
  private final List<String> names = new ArrayList<>();
  private final List<Constant> pool = new ArrayList<>();
  private final List<Image.Module> modules = new ArrayList<>();
  private final List<String> natives = new ArrayList<>();
  private final List<Image.ExceptionClass> exceptions = new ArrayList<>();
  private final List<Image.Resource> resources = new ArrayList<>();
  private final List<TestImages.Builder> shells = new ArrayList<>();
  private final List<Integer> functions = new ArrayList<>();
  private final List<Integer> classes = new ArrayList<>();
  private int builtinsModule;

  private RandomImages(long seed) {
    r = new SplittableRandom(seed);
  }

  static Image generate(long seed) {
    return new RandomImages(seed).image();
  }

  private Image image() {
    int flags = r.nextInt(4) == 0 ? Image.FLAG_NAMES_STRIPPED : 0;
    for (ExceptionTree.Entry e : ExceptionTree.BUILTINS) {
      names.add(e.name());
    }
    int extraNames = 1 + r.nextInt(30);
    for (int i = 0; i < extraNames; i++) {
      names.add(text(12));
    }
    if (flags != 0) {
      for (int i = 0; i < names.size(); i++) {
        if (r.nextInt(3) == 0) {
          names.set(i, null);
        }
      }
    }
    int constants = r.nextInt(20);
    for (int i = 0; i < constants; i++) {
      pool.add(constant());
    }
    for (int i = 0; i < ExceptionTree.BUILTIN_COUNT; i++) {
      ExceptionTree.Entry e = ExceptionTree.BUILTINS.get(i);
      exceptions.add(new Image.ExceptionClass(i, e.parent(), r.nextInt(4) == 0 ? text(20) : null));
    }
    int extraExceptions = r.nextInt(4);
    for (int i = 0; i < extraExceptions; i++) {
      int index = exceptions.size();
      exceptions.add(new Image.ExceptionClass(nameId(), r.nextInt(index),
          r.nextBoolean() ? text(20) : null));
    }
    int nativeCount = r.nextInt(4);
    for (int i = 0; i < nativeCount; i++) {
      natives.add("n." + text(10));
    }
    int resourceCount = r.nextInt(3);
    for (int i = 0; i < resourceCount; i++) {
      resources.add(new Image.Resource(text(8), bytes(r.nextInt(40))));
    }
    // Shells first (every code's header), so bodies can refer to any function or class.
    int moduleCount = 1 + r.nextInt(3);
    builtinsModule = r.nextInt(moduleCount);
    for (int m = 0; m < moduleCount; m++) {
      int[] globals = new int[r.nextInt(6)];
      for (int g = 0; g < globals.length; g++) {
        globals[g] = nameId();
      }
      modules.add(new Image.Module(nameId(), text(16), m, globals));
      TestImages.Builder b = new TestImages.Builder();
      b.kind = CodeObject.KIND_MODULE;
      b.module = m;
      b.nameId = modules.get(m).nameId();
      shells.add(b);
    }
    int functionCount = r.nextInt(5);
    for (int i = 0; i < functionCount; i++) {
      TestImages.Builder b = new TestImages.Builder();
      b.kind = CodeObject.KIND_FUNCTION;
      b.argCount = r.nextInt(4);
      b.kwOnlyCount = r.nextInt(2);
      b.flags = r.nextInt(4) | (r.nextInt(8) == 0 ? CodeObject.FLAG_GENERATOR : 0);
      int params = b.argCount + b.kwOnlyCount + Integer.bitCount(b.flags & 3);
      b.cellLocals = new int[r.nextInt(3)];
      for (int c = 0; c < b.cellLocals.length; c++) {
        b.cellLocals[c] = params > 0 && r.nextBoolean() ? r.nextInt(params) : -1;
      }
      b.freeCount = r.nextInt(3) == 0 ? 1 + r.nextInt(2) : 0;
      b.localNames = new int[params + r.nextInt(4)];
      shells.add(b);
      functions.add(shells.size() - 1);
    }
    int classCount = r.nextInt(3);
    for (int i = 0; i < classCount; i++) {
      TestImages.Builder b = new TestImages.Builder();
      b.kind = CodeObject.KIND_CLASS;
      b.localNames = new int[r.nextInt(4)];
      shells.add(b);
      classes.add(shells.size() - 1);
    }
    List<CodeObject> codes = new ArrayList<>();
    for (TestImages.Builder b : shells) {
      if (b.kind != CodeObject.KIND_MODULE) {
        b.module = r.nextInt(moduleCount);
        b.nameId = nameId();
      }
      for (int l = 0; l < b.localNames.length; l++) {
        b.localNames[l] = nameId();
      }
      b.constants = new int[pool.isEmpty() ? 0 : r.nextInt(6)];
      for (int k = 0; k < b.constants.length; k++) {
        b.constants[k] = r.nextInt(pool.size());
      }
      new Body(b).generate();
      codes.add(b.build());
    }
    return new Image(flags, names, pool, codes, modules, builtinsModule, exceptions, natives,
        resources);
  }

  private int nameId() {
    return r.nextInt(names.size());
  }

  private Constant constant() {
    switch (r.nextInt(4)) {
      case 0:
        return new Constant.Int(r.nextBoolean() ? r.nextInt(200) - 100 : r.nextLong());
      case 1:
        double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, 1e300, 0.1};
        return new Constant.Float(r.nextBoolean() ? special[r.nextInt(special.length)]
            : Double.longBitsToDouble(r.nextLong()));
      case 2:
        return new Constant.Str(text(30));
      default:
        return new Constant.Bytes(bytes(r.nextInt(20)));
    }
  }

  /** Random text, including non-ASCII, supplementary and unpaired surrogate chars. */
  private String text(int maxLength) {
    int n = r.nextInt(maxLength + 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(8)) {
        case 0 -> sb.append((char) (0x80 + r.nextInt(0x780)));
        case 1 -> sb.append((char) (0x800 + r.nextInt(0xF000)));
        case 2 -> sb.appendCodePoint(0x10000 + r.nextInt(0x100000));
        case 3 -> sb.append((char) (0xD800 + r.nextInt(0x800)));
        default -> sb.append((char) ('a' + r.nextInt(26)));
      }
    }
    return sb.toString();
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  /** Generates one code body into its shell: instructions, maxStack, lines and handlers. */
  private final class Body {
    private final TestImages.Builder shell;
    private final Asm a = new Asm();
    private final List<CodeObject.Handler> handlers = new ArrayList<>();
    private final List<Integer> lines = new ArrayList<>();
    private int depth;
    private int max;
    private int line = 1;
    private int budget = 4 + r.nextInt(40);

    Body(TestImages.Builder shell) {
      this.shell = shell;
    }

    void generate() {
      block(0);
      if (depth == 0 || r.nextBoolean()) {
        push(Opcodes.LOAD_NONE);
      }
      switch (r.nextInt(8)) {
        case 0 -> a.op(Opcodes.RAISE);
        case 1 -> a.op(Opcodes.RERAISE);
        case 2 -> a.op(Opcodes.ASSERT_FAIL);
        case 3 -> {
          push(Opcodes.LOAD_NONE);
          a.op(Opcodes.RAISE_FROM);
        }
        default -> a.op(Opcodes.RETURN_VALUE);
      }
      shell.code = a.build();
      shell.maxStack = max + r.nextInt(3);
      shell.handlers = handlers.toArray(new CodeObject.Handler[0]);
      shell.lineTable = lines.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Statements that leave the depth as they found it and never pop below it. */
    private void block(int nesting) {
      int floor = depth;
      int statements = 1 + r.nextInt(4);
      for (int s = 0; s < statements && budget > 0; s++) {
        budget--;
        if (r.nextInt(3) == 0) {
          lines.add(a.pc());
          line += r.nextInt(3);
          lines.add(line);
        }
        int kind = nesting < 3 ? r.nextInt(10) : 0;
        switch (kind) {
          case 1 -> ifElse(nesting);
          case 2 -> whileLoop(nesting);
          case 3 -> forLoop(nesting);
          case 4 -> andOr();
          case 5 -> tryExcept(nesting);
          default -> straight(floor);
        }
      }
      if (depth == floor) {
        a.op(Opcodes.NOP);
      }
      while (depth > floor) {
        a.op(Opcodes.POP_TOP);
        depth--;
      }
    }

    private void push(int op, int... args) {
      a.op(op, args);
      depth++;
      max = Math.max(max, depth);
    }

    private void ifElse(int nesting) {
      int orElse = a.newLabel();
      int end = a.newLabel();
      push(Opcodes.LOAD_TRUE);
      a.jump(r.nextBoolean() ? Opcodes.POP_JUMP_IF_FALSE : Opcodes.POP_JUMP_IF_TRUE, orElse);
      depth--;
      block(nesting + 1);
      a.jump(Opcodes.JUMP, end);
      a.bind(orElse);
      block(nesting + 1);
      a.bind(end);
      a.op(Opcodes.NOP);
    }

    private void whileLoop(int nesting) {
      int head = a.newLabel();
      int end = a.newLabel();
      a.bind(head);
      push(Opcodes.LOAD_FALSE);
      a.jump(Opcodes.POP_JUMP_IF_FALSE, end);
      depth--;
      block(nesting + 1);
      a.jump(Opcodes.LOOP, head);
      a.bind(end);
      a.op(Opcodes.NOP);
    }

    private void forLoop(int nesting) {
      int head = a.newLabel();
      int end = a.newLabel();
      push(Opcodes.LOAD_NONE);
      a.op(Opcodes.GET_ITER);
      a.bind(head);
      a.jump(Opcodes.FOR_ITER, end);
      depth++;
      max = Math.max(max, depth);
      a.op(Opcodes.POP_TOP);
      depth--;
      block(nesting + 1);
      a.jump(Opcodes.LOOP, head);
      a.bind(end);
      depth--;
      a.op(Opcodes.NOP);
    }

    private void andOr() {
      int end = a.newLabel();
      push(Opcodes.LOAD_TRUE);
      a.jump(r.nextBoolean() ? Opcodes.JUMP_IF_FALSE_OR_POP : Opcodes.JUMP_IF_TRUE_OR_POP, end);
      depth--;
      push(Opcodes.LOAD_FALSE);
      a.bind(end);
      a.op(Opcodes.POP_TOP);
      depth--;
    }

    private void tryExcept(int nesting) {
      int after = a.newLabel();
      int start = a.pc();
      int entry = depth;
      block(nesting + 1);
      int end = a.pc();
      a.jump(Opcodes.JUMP, after);
      int handlerPc = a.pc();
      depth = entry + 1;
      max = Math.max(max, depth);
      if (r.nextInt(4) == 0) {
        a.op(Opcodes.RERAISE);
      } else {
        a.op(Opcodes.POP_TOP);
      }
      depth = entry;
      handlers.add(new CodeObject.Handler(start, end, handlerPc, entry));
      a.bind(after);
      a.op(Opcodes.NOP);
    }

    /** One instruction that pops only what this block pushed. */
    private void straight(int floor) {
      for (int attempt = 0; attempt < 50; attempt++) {
        int op = r.nextInt(Opcodes.COUNT);
        if (!Opcodes.isDefined(op)
            || Opcodes.has(op, Opcodes.F_JUMP)
            || Opcodes.has(op, Opcodes.F_NO_FALLTHROUGH)) {
          continue;
        }
        int[] args = new int[Opcodes.operandCount(op)];
        boolean ok = true;
        for (int i = 0; i < args.length && ok; i++) {
          int v = operand(op, Opcodes.operandKind(op, i));
          ok = v >= -0x8000;
          args[i] = v;
        }
        if (!ok) {
          continue;
        }
        if (op == Opcodes.MAKE_FUNCTION && shells.get(args[0]).freeCount > 0) {
          args[1] |= 4;
        }
        int a0 = args.length > 0 ? args[0] : 0;
        int a1 = args.length > 1 ? args[1] : 0;
        int pops = Opcodes.pops(op, a0, a1);
        if (depth - pops < floor) {
          if (pops > 6 || r.nextBoolean()) {
            continue;
          }
          while (depth - pops < floor) {
            push(Opcodes.LOAD_NONE);
          }
        }
        a.op(op, args);
        depth += Opcodes.pushes(op, a0, a1) - pops;
        max = Math.max(max, depth);
        return;
      }
      push(Opcodes.LOAD_NONE);
    }

    /** A valid operand of {@code kind} for {@code op}, or {@link Integer#MIN_VALUE} if none. */
    private int operand(int op, int kind) {
      int none = Integer.MIN_VALUE;
      switch (kind) {
        case Opcodes.K_CONST:
          return shell.constants.length == 0 ? none : r.nextInt(shell.constants.length);
        case Opcodes.K_LOCAL:
          return shell.localNames.length == 0 ? none : r.nextInt(shell.localNames.length);
        case Opcodes.K_GLOBAL:
          return pick(modules.get(shell.module).globalNames().length);
        case Opcodes.K_NAME:
          return nameId();
        case Opcodes.K_CODE:
          List<Integer> targets = op == Opcodes.BUILD_CLASS ? classes : functions;
          return targets.isEmpty() ? none : targets.get(r.nextInt(targets.size()));
        case Opcodes.K_NATIVE:
          return pick(natives.size());
        case Opcodes.K_BUILTIN:
          return pick(modules.get(builtinsModule).globalNames().length);
        case Opcodes.K_EXCEPTION:
          return pick(exceptions.size());
        case Opcodes.K_MODULE:
          return pick(modules.size());
        case Opcodes.K_CELL:
          return pick(shell.cellLocals.length + shell.freeCount);
        case Opcodes.K_COUNT:
          return op == Opcodes.BUILD_SLICE ? 2 + r.nextInt(2) : r.nextInt(4);
        case Opcodes.K_INT:
          return r.nextInt(0x10000) - 0x8000;
        case Opcodes.K_FLAGS:
          return flags(op);
        default:
          return none;
      }
    }

    private int pick(int size) {
      return size == 0 ? Integer.MIN_VALUE : r.nextInt(size);
    }

    private int flags(int op) {
      if (op == Opcodes.MAKE_FUNCTION) {
        return r.nextInt(4); // the closure bit is added when the code has free variables

      }
      if (op == Opcodes.FORMAT_VALUE) {
        return r.nextInt(2) | r.nextInt(3) << 1;
      }
      return r.nextInt(Opcodes.flagMask(op) + 1);
    }
  }
}
