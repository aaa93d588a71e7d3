package dev.zvm.compiler;

import static dev.zvm.bytecode.Opcodes.*;

import dev.zvm.bytecode.CodeObject;
import dev.zvm.bytecode.Constant;
import dev.zvm.bytecode.ExceptionTree;
import dev.zvm.compiler.Ast.*;
import dev.zvm.compiler.CodeUnit.BindKind;
import dev.zvm.compiler.CodeUnit.DefSite;
import dev.zvm.compiler.CodeUnit.Label;
import dev.zvm.compiler.Scopes.Kind;
import dev.zvm.compiler.Scopes.Scope;
import dev.zvm.compiler.Scopes.Where;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scoped AST of one module to {@link CodeUnit}s: the module body, and one unit per function
 * and class body. This is where the language level is enforced: a construct the VM does not
 * support yet is a diagnostic naming it ("generators are not supported yet").
 *
 * <p>Control flow follows {@link dev.zvm.bytecode.Opcodes}: jumps are forward except {@code
 * LOOP}; {@code try} bodies are ranges in the exception table; {@code finally} bodies are inlined
 * on every way out (fall-through, return, break, continue) and once more as the handler that
 * re-raises. Statements always start with the same stack depth, the number of {@code for}
 * iterators open in the code ({@link Ctx#depth}), which is what handlers reset to.
 */
final class CodeGen {
  /** How deep the tree may nest before it is a "too deeply nested" error. */
  static final int MAX_DEPTH = 1000;

  /** Displays longer than this are built in steps, so that the stack stays small. */
  private static final int DISPLAY_CHUNK = 32;

  private final Program program;
  private final ModuleUnit module;
  private final Scopes scopes;
  private final SourceFile file;
  private final List<Diagnostic> errors;
  private int depth;
  private Ctx ctx;

  /** What the code generator needs to know about the whole program. */
  interface Program {
    /** The builtins module's global slots, or an empty list while compiling the builtins. */
    List<String> builtinNames();

    /** The builtins module. */
    ModuleUnit builtinsModule();

    /** The module that {@code dotted} names as imported from {@code from}, or null. */
    ModuleUnit module(ModuleUnit from, String dotted);

    /** The index of a user exception added by new_exception, by name, or -1. */
    int userException(String name);

    /** Adds an exception to the image's tree; returns its index. */
    int addException(String name, int parent, String message);

    /** The value of a constant the front end gave ({@code LED0}, {@code D3.PWM}), or null. */
    Long constant(String name);
  }

  CodeGen(Program program, ModuleUnit module, List<Diagnostic> errors) {
    this.program = program;
    this.module = module;
    this.scopes = module.scopes;
    this.file = module.source;
    this.errors = errors;
  }

  static boolean isNewException(Call c) {
    return c.func() instanceof Name n && n.id().equals("new_exception");
  }

  // ---------------------------------------------------------------------------------------------
  // blocks: what break/continue/return must leave, innermost last

  /** A range of code covered by one exception-table handler, which may be suspended. */
  private final class Protect {
    final Label handler = new Label();
    final int depth;
    Label start;

    Protect(int depth) {
      this.depth = depth;
    }

    void open() {
      start = new Label();
      ctx.unit.place(start);
    }

    void suspend() {
      if (start != null) {
        Label end = new Label();
        ctx.unit.place(end);
        ctx.unit.handlers.add(new CodeUnit.HandlerEntry(start, end, handler, depth));
        start = null;
      }
    }

    void resume() {
      if (start == null) {
        open();
      }
    }
  }

  private abstract static class Block {}

  private static final class LoopBlock extends Block {
    final Label head;
    final Label exit;
    /** Stack depth outside the loop. */
    final int outer;

    final boolean isFor;

    LoopBlock(Label head, Label exit, int outer, boolean isFor) {
      this.head = head;
      this.exit = exit;
      this.outer = outer;
      this.isFor = isFor;
    }
  }

  private static final class ExceptBlock extends Block {
    final Protect protect;

    ExceptBlock(Protect protect) {
      this.protect = protect;
    }
  }

  private static final class FinallyBlock extends Block {
    final Protect protect;
    final List<Stmt> body;

    FinallyBlock(Protect protect, List<Stmt> body) {
      this.protect = protect;
      this.body = body;
    }
  }

  /** Inside an except clause (or a finally handler): where the exception being handled is. */
  private static final class HandlerBlock extends Block {
    final int excLocal;

    HandlerBlock(int excLocal) {
      this.excLocal = excLocal;
    }
  }

  /** The state of the code unit being generated. */
  private static final class Ctx {
    final CodeUnit unit;
    Scope scope;
    final List<Block> blocks = new ArrayList<>();
    /** Values on the stack at statement level: the open for-loop iterators. */
    int depth;

    int line;
    /** Comprehension scopes being generated, and their variables' hidden locals. */
    final Map<Scope, Map<String, Integer>> comps = new HashMap<>();
    int returnLocal = -1;
    /** In a class body: the names stored so far, in source order. */
    final java.util.Set<String> classAssigned = new java.util.HashSet<>();
    final List<Integer> hidden = new ArrayList<>();

    Ctx(CodeUnit unit, Scope scope) {
      this.unit = unit;
      this.scope = scope;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // entry

  /** Generates the module body unit (and, through it, every other unit of the module). */
  CodeUnit generateModule() {
    CodeUnit unit = new CodeUnit(module, CodeObject.KIND_MODULE, module.name);
    unit.firstLine = 1;
    module.bodyUnit = unit;
    module.codes.add(unit);
    ctx = new Ctx(unit, scopes.module);
    ctx.line = 1;
    if (module.name.equals("__main__")) {
      // the program starts by running the builtins module, so that LOAD_BUILTIN finds its globals
      emitRef(IMPORT_NAME, new CodeUnit.ModuleRef(program.builtinsModule()));
      emit(POP_TOP);
    }
    List<Stmt> body = stripDocstring(module.body);
    statements(body);
    emit(LOAD_NONE);
    emit(RETURN_VALUE);
    return unit;
  }

  private static List<Stmt> stripDocstring(List<Stmt> body) {
    if (!body.isEmpty()
        && body.get(0) instanceof ExprStmt e
        && e.value() instanceof Const c
        && c.kind() == ConstKind.STR) {
      return body.subList(1, body.size());
    }
    return body;
  }

  private void statements(List<Stmt> body) {
    for (Stmt s : body) {
      try {
        statement(s);
      } catch (CompileError e) {
        errors.add(e.diagnostic());
        depth = 0;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // emitting

  private CompileError error(Pos pos, String message) {
    return new CompileError(file.error(pos, message));
  }

  private CompileError unsupported(Pos pos, String what) {
    return error(pos, what + " not supported yet");
  }

  private void emit(int op) {
    ctx.unit.emit(op, 0, 0, null, ctx.line);
  }

  private void emit(int op, int arg) {
    ctx.unit.emit(op, arg, 0, null, ctx.line);
  }

  private void emit(int op, int arg0, int arg1) {
    ctx.unit.emit(op, arg0, arg1, null, ctx.line);
  }

  private void emitRef(int op, Object ref) {
    ctx.unit.emit(op, 0, 0, ref, ctx.line);
  }

  private void emitRef(int op, Object ref, int arg1) {
    ctx.unit.emit(op, 0, arg1, ref, ctx.line);
  }

  private void jump(int op, Label target) {
    ctx.unit.emit(op, 0, 0, target, ctx.line);
  }

  private void place(Label l) {
    ctx.unit.place(l);
  }

  private void count(Pos pos, int n, int max, String what) {
    if (n > max) {
      throw error(pos, "too many " + what + " (" + n + ", at most " + max + ")");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // statements

  private void statement(Stmt s) {
    if (++depth > MAX_DEPTH) {
      throw error(s.pos(), "statement too deeply nested");
    }
    int savedLine = ctx.line;
    ctx.line = s.pos().line();
    try {
      doStatement(s);
    } finally {
      ctx.line = savedLine;
      depth--;
    }
  }

  private void doStatement(Stmt s) {
    if (s instanceof ExprStmt e) {
      exprStatement(e);
    } else if (s instanceof Assign a) {
      assign(a);
    } else if (s instanceof AugAssign a) {
      augAssign(a);
    } else if (s instanceof AnnAssign a) {
      if (a.value() != null) {
        expr(a.value());
        store(a.target());
      }
    } else if (s instanceof If i) {
      ifStatement(i);
    } else if (s instanceof While w) {
      whileStatement(w);
    } else if (s instanceof For f) {
      forStatement(f);
    } else if (s instanceof Break b) {
      breakOrContinue(b.pos(), true);
    } else if (s instanceof Continue c) {
      breakOrContinue(c.pos(), false);
    } else if (s instanceof Return r) {
      returnStatement(r);
    } else if (s instanceof Pass) {
      return;
    } else if (s instanceof FunctionDef f) {
      functionDef(f);
    } else if (s instanceof ClassDef c) {
      classDef(c);
    } else if (s instanceof Try t) {
      tryStatement(t);
    } else if (s instanceof Raise r) {
      raise(r);
    } else if (s instanceof Assert a) {
      Label ok = new Label();
      condJump(a.test(), true, ok);
      if (a.msg() != null) {
        expr(a.msg());
      } else {
        emit(LOAD_NONE);
      }
      emit(ASSERT_FAIL);
      place(ok);
    } else if (s instanceof Delete d) {
      for (Expr t : d.targets()) {
        delete(t);
      }
    } else if (s instanceof Import im) {
      importStatement(im);
    } else if (s instanceof ImportFrom im) {
      importFrom(im);
    } else if (s instanceof Global) {
      return; // handled by the scopes
    } else if (s instanceof Nonlocal n) {
      throw error(n.pos(), "nonlocal is not supported yet (closures are not supported yet)");
    } else if (s instanceof With w) {
      throw unsupported(w.pos(), w.isAsync() ? "async with statements are" : "with statements are");
    } else if (s instanceof Match m) {
      throw unsupported(m.pos(), "match statements are");
    } else {
      throw error(s.pos(), "internal compiler error: unknown statement " + s.getClass().getSimpleName());
    }
  }

  private void exprStatement(ExprStmt e) {
    if (e.value() instanceof Call c && isNewException(c) && resolve("new_exception") == Where.UNBOUND) {
      newException(c);
      return;
    }
    if (e.value() instanceof Const) {
      return; // a docstring or a bare literal: no effect
    }
    expr(e.value());
    emit(POP_TOP);
  }

  private void assign(Assign a) {
    List<Expr> targets = a.targets();
    if (targets.size() == 1
        && targets.get(0) instanceof TupleExpr lhs
        && a.value() instanceof TupleExpr rhs
        && lhs.elts().size() == rhs.elts().size()
        && (lhs.elts().size() == 2 || lhs.elts().size() == 3)
        && lhs.elts().stream().noneMatch(x -> x instanceof Starred)
        && rhs.elts().stream().noneMatch(x -> x instanceof Starred)) {
      // a, b = b, a: no tuple is built
      for (Expr v : rhs.elts()) {
        expr(v);
      }
      if (lhs.elts().size() == 2) {
        emit(ROT_TWO);
      } else {
        emit(ROT_THREE);
        emit(ROT_TWO);
      }
      for (Expr t : lhs.elts()) {
        store(t);
      }
      return;
    }
    expr(a.value());
    for (int i = 0; i < targets.size(); i++) {
      if (i < targets.size() - 1) {
        emit(DUP_TOP);
      }
      store(targets.get(i));
    }
  }

  private static int inplaceOp(BinOpKind op) {
    return switch (op) {
      case ADD -> IADD;
      case SUB -> ISUB;
      case MUL -> IMUL;
      case MATMUL -> IMATMUL;
      case DIV -> ITRUEDIV;
      case FLOORDIV -> IFLOORDIV;
      case MOD -> IMOD;
      case POW -> IPOW;
      case LSHIFT -> ILSHIFT;
      case RSHIFT -> IRSHIFT;
      case BITOR -> IOR;
      case BITXOR -> IXOR;
      case BITAND -> IAND;
    };
  }

  private static int binaryOp(BinOpKind op) {
    return switch (op) {
      case ADD -> ADD;
      case SUB -> SUB;
      case MUL -> MUL;
      case MATMUL -> MATMUL;
      case DIV -> TRUEDIV;
      case FLOORDIV -> FLOORDIV;
      case MOD -> MOD;
      case POW -> POW;
      case LSHIFT -> LSHIFT;
      case RSHIFT -> RSHIFT;
      case BITOR -> OR;
      case BITXOR -> XOR;
      case BITAND -> AND;
    };
  }

  private void augAssign(AugAssign a) {
    int op = inplaceOp(a.op());
    if (a.target() instanceof Name n) {
      loadName(n.id(), n.pos());
      expr(a.value());
      emit(op);
      storeName(n.id(), n.pos());
    } else if (a.target() instanceof Attribute at) {
      expr(at.value());
      emit(DUP_TOP);
      emitRef(LOAD_ATTR, at.attr());
      expr(a.value());
      emit(op);
      emit(ROT_TWO);
      emitRef(STORE_ATTR, at.attr());
    } else if (a.target() instanceof Subscript sub) {
      expr(sub.value());
      expr(sub.index());
      emit(DUP_TOP_TWO);
      emit(LOAD_SUBSCR);
      expr(a.value());
      emit(op);
      emit(ROT_THREE);
      emit(STORE_SUBSCR);
    } else {
      throw error(a.pos(), "illegal expression for augmented assignment");
    }
  }

  private void ifStatement(If i) {
    Boolean constant = truth(i.test());
    if (constant != null) {
      // `if True:` / `if 0:`: only one branch exists (the other is still checked)
      List<Stmt> taken = constant ? i.body() : i.orElse();
      List<Stmt> dead = constant ? i.orElse() : i.body();
      statements(taken);
      checkOnly(dead);
      return;
    }
    Label orElse = new Label();
    Label end = new Label();
    condJump(i.test(), false, orElse);
    statements(i.body());
    if (!i.orElse().isEmpty()) {
      jump(JUMP, end);
    }
    place(orElse);
    statements(i.orElse());
    place(end);
  }

  /** Generates dead code into a throwaway unit, only for its diagnostics. */
  private void checkOnly(List<Stmt> body) {
    checkOnly(body, null);
  }

  /**
   * Generates dead code into a throwaway unit, only for its diagnostics; {@code loop} is a loop
   * block to add (for a loop body that never runs). The blocks get handler ranges of their own,
   * so nothing the dead code does reaches the real unit.
   */
  private void checkOnly(List<Stmt> body, LoopBlock loop) {
    if (body.isEmpty()) {
      return;
    }
    Ctx saved = ctx;
    Ctx scratch = new Ctx(new CodeUnit(module, saved.unit.kind, saved.unit.name), saved.scope);
    ctx = scratch;
    try {
      for (Block b : saved.blocks) {
        if (b instanceof ExceptBlock eb) {
          scratch.blocks.add(new ExceptBlock(new Protect(eb.protect.depth)));
        } else if (b instanceof FinallyBlock fb) {
          scratch.blocks.add(new FinallyBlock(new Protect(fb.protect.depth), fb.body));
        } else {
          scratch.blocks.add(b);
        }
      }
      if (loop != null) {
        scratch.blocks.add(loop);
      }
      scratch.depth = saved.depth;
      scratch.line = saved.line;
      scratch.comps.putAll(saved.comps);
      scratch.classAssigned.addAll(saved.classAssigned);
      scratch.unit.localNames.addAll(saved.unit.localNames);
      scratch.unit.argCount = saved.unit.argCount;
      statements(body);
    } finally {
      ctx = saved;
    }
  }

  private void whileStatement(While w) {
    Label head = new Label();
    Label orElse = new Label();
    Label exit = new Label();
    place(head);
    Boolean constant = truth(w.test());
    if (constant == null) {
      condJump(w.test(), false, orElse);
    } else if (!constant) {
      checkOnly(w.body(), new LoopBlock(head, exit, ctx.depth, false));
      statements(w.orElse());
      return;
    }
    ctx.blocks.add(new LoopBlock(head, exit, ctx.depth, false));
    statements(w.body());
    ctx.blocks.remove(ctx.blocks.size() - 1);
    jump(LOOP, head);
    place(orElse);
    statements(w.orElse());
    place(exit);
  }

  private void forStatement(For f) {
    if (f.isAsync()) {
      throw unsupported(f.pos(), "async for loops are");
    }
    expr(f.iter());
    emit(GET_ITER);
    Label head = new Label();
    Label done = new Label();
    Label exit = new Label();
    place(head);
    jump(FOR_ITER, done);
    ctx.depth++;
    store(f.target());
    ctx.blocks.add(new LoopBlock(head, exit, ctx.depth - 1, true));
    statements(f.body());
    ctx.blocks.remove(ctx.blocks.size() - 1);
    jump(LOOP, head);
    ctx.depth--;
    place(done);
    statements(f.orElse());
    place(exit);
  }

  private void breakOrContinue(Pos pos, boolean isBreak) {
    int target = -1;
    for (int i = ctx.blocks.size() - 1; i >= 0; i--) {
      if (ctx.blocks.get(i) instanceof LoopBlock) {
        target = i;
        break;
      }
    }
    if (target < 0) {
      throw error(pos, isBreak ? "'break' outside loop" : "'continue' not properly in loop");
    }
    LoopBlock loop = (LoopBlock) ctx.blocks.get(target);
    List<Block> exited = unwind(target + 1);
    int keep = isBreak ? loop.outer : loop.outer + (loop.isFor ? 1 : 0);
    for (int i = ctx.depth; i > keep; i--) {
      emit(POP_TOP);
    }
    if (isBreak) {
      jump(JUMP, loop.exit);
    } else {
      jump(LOOP, loop.head);
    }
    resume(exited);
  }

  private void returnStatement(Return r) {
    if (ctx.unit.kind != CodeObject.KIND_FUNCTION) {
      throw error(r.pos(), "'return' outside function");
    }
    if (r.value() != null) {
      expr(r.value());
    } else {
      emit(LOAD_NONE);
    }
    boolean hasFinally = ctx.blocks.stream().anyMatch(b -> b instanceof FinallyBlock);
    if (!hasFinally) {
      emit(RETURN_VALUE);
      return;
    }
    if (ctx.returnLocal < 0) {
      ctx.returnLocal = ctx.unit.hiddenLocal("ret");
    }
    int slot = ctx.returnLocal;
    emit(STORE_FAST, slot);
    List<Block> exited = unwind(0);
    emit(LOAD_FAST, slot);
    emit(RETURN_VALUE);
    resume(exited);
  }

  /**
   * Leaves the blocks from the innermost down to {@code downTo} (inclusive): suspends their
   * handler ranges and inlines their finally bodies, each compiled as if the inner blocks were
   * gone. Returns the blocks left, for {@link #resume}.
   */
  private List<Block> unwind(int downTo) {
    List<Block> all = new ArrayList<>(ctx.blocks);
    List<Block> exited = new ArrayList<>();
    for (int i = all.size() - 1; i >= downTo; i--) {
      Block b = all.get(i);
      exited.add(b);
      if (b instanceof ExceptBlock eb) {
        eb.protect.suspend();
      } else if (b instanceof FinallyBlock fb) {
        fb.protect.suspend();
        List<Block> saved = new ArrayList<>(ctx.blocks);
        ctx.blocks.clear();
        ctx.blocks.addAll(all.subList(0, i));
        try {
          statements(fb.body);
        } finally {
          ctx.blocks.clear();
          ctx.blocks.addAll(saved);
        }
      }
    }
    return exited;
  }

  private void resume(List<Block> exited) {
    for (int i = exited.size() - 1; i >= 0; i--) {
      Block b = exited.get(i);
      if (b instanceof ExceptBlock eb) {
        eb.protect.resume();
      } else if (b instanceof FinallyBlock fb) {
        fb.protect.resume();
      }
    }
  }

  private void tryStatement(Try t) {
    if (t.star()) {
      throw unsupported(t.pos(), "except* is");
    }
    if (t.finalBody().isEmpty()) {
      tryExcept(t);
      return;
    }
    Protect protect = new Protect(ctx.depth);
    FinallyBlock fb = new FinallyBlock(protect, t.finalBody());
    ctx.blocks.add(fb);
    protect.open();
    if (t.handlers().isEmpty()) {
      statements(t.body());
    } else {
      tryExcept(t);
    }
    protect.suspend();
    ctx.blocks.remove(ctx.blocks.size() - 1);
    Label end = new Label();
    statements(t.finalBody()); // the way out when nothing was raised
    jump(JUMP, end);
    place(protect.handler);
    int exc = ctx.unit.hiddenLocal("exc");
    ctx.hidden.add(exc);
    emit(STORE_FAST, exc);
    ctx.blocks.add(new HandlerBlock(exc));
    statements(t.finalBody());
    ctx.blocks.remove(ctx.blocks.size() - 1);
    emit(LOAD_FAST, exc);
    emit(RERAISE);
    place(end);
  }

  private void tryExcept(Try t) {
    Protect protect = new Protect(ctx.depth);
    ctx.blocks.add(new ExceptBlock(protect));
    protect.open();
    statements(t.body());
    protect.suspend();
    ctx.blocks.remove(ctx.blocks.size() - 1);
    Label end = new Label();
    statements(t.orElse());
    jump(JUMP, end);
    place(protect.handler);
    int exc = ctx.unit.hiddenLocal("exc");
    ctx.hidden.add(exc);
    emit(STORE_FAST, exc);
    boolean catchAll = false;
    for (ExceptHandler h : t.handlers()) {
      int savedLine = ctx.line;
      ctx.line = h.pos().line();
      Label next = new Label();
      if (h.type() != null) {
        emit(LOAD_FAST, exc);
        expr(h.type());
        emit(EXC_MATCH);
        jump(POP_JUMP_IF_FALSE, next);
        emit(POP_TOP);
      } else {
        catchAll = true;
      }
      if (h.name() != null) {
        emit(LOAD_FAST, exc);
        storeName(h.name(), h.pos());
      }
      ctx.blocks.add(new HandlerBlock(exc));
      statements(h.body());
      ctx.blocks.remove(ctx.blocks.size() - 1);
      if (h.name() != null) {
        // as CPython: the name is unbound after the clause
        emit(LOAD_NONE);
        storeName(h.name(), h.pos());
        deleteName(h.name(), h.pos());
      }
      jump(JUMP, end);
      if (h.type() != null) {
        place(next);
        emit(POP_TOP);
      }
      ctx.line = savedLine;
    }
    if (!catchAll) {
      emit(LOAD_FAST, exc);
      emit(RERAISE);
    }
    place(end);
  }

  private void raise(Raise r) {
    if (r.exc() == null) {
      for (int i = ctx.blocks.size() - 1; i >= 0; i--) {
        if (ctx.blocks.get(i) instanceof HandlerBlock h) {
          emit(LOAD_FAST, h.excLocal);
          emit(RERAISE);
          return;
        }
      }
      emit(LOAD_NONE); // no exception is being handled here: RuntimeError at run time
      emit(RERAISE);
      return;
    }
    expr(r.exc());
    if (r.cause() != null) {
      expr(r.cause());
      emit(RAISE_FROM);
    } else {
      emit(RAISE);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // definitions

  private void functionDef(FunctionDef f) {
    String nativeName = nativeDecorator(f);
    if (f.isAsync()) {
      throw unsupported(f.pos(), "async functions are");
    }
    BindKind bind = bindKind(f.name());
    if (nativeName != null) {
      DefSite site = new DefSite(ctx.unit, null, nativeName, bind, f.name(), true);
      beginSite(site);
      emitRef(LOAD_NATIVE, nativeName);
      storeName(f.name(), f.pos());
      endSite(site);
      return;
    }
    Arguments args = f.args();
    if (!args.posOnly().isEmpty()) {
      throw unsupported(args.posOnly().get(0).pos(), "positional-only parameters are");
    }
    Scope fs = scopes.scopeOf(f);
    CodeUnit child = new CodeUnit(module, CodeObject.KIND_FUNCTION, f.name());
    child.firstLine = f.pos().line();
    module.codes.add(child);
    child.argCount = args.args().size();
    child.kwOnlyCount = args.kwOnly().size();
    if (args.vararg() != null) {
      child.flags |= CodeObject.FLAG_VARARGS;
    }
    if (args.kwarg() != null) {
      child.flags |= CodeObject.FLAG_VARKEYWORDS;
    }
    count(f.pos(), child.argCount + child.kwOnlyCount + 2, 255, "parameters");
    boolean pure = true;
    for (Expr d : args.defaults()) {
      pure &= isPure(d);
    }
    for (Expr d : args.kwDefaults()) {
      pure &= d == null || isPure(d);
    }
    DefSite site = new DefSite(ctx.unit, child, null, bind, f.name(), pure);
    beginSite(site);
    int makeFlags = 0;
    if (!args.defaults().isEmpty()) {
      for (Expr d : args.defaults()) {
        expr(d);
      }
      emit(BUILD_TUPLE, args.defaults().size());
      makeFlags |= 1;
    }
    int kwDefaults = 0;
    for (int i = 0; i < args.kwOnly().size(); i++) {
      Expr d = args.kwDefaults().get(i);
      if (d != null) {
        emitConst(new Constant.Str(args.kwOnly().get(i).name()));
        expr(d);
        kwDefaults++;
      }
    }
    if (kwDefaults > 0) {
      emit(BUILD_DICT, kwDefaults);
      makeFlags |= 2;
    }
    emitRef(MAKE_FUNCTION, child, makeFlags);
    storeName(f.name(), f.pos());
    endSite(site);
    generateBody(child, fs, f.body(), f.pos());
  }

  private void generateBody(CodeUnit child, Scope scope, List<Stmt> body, Pos pos) {
    Ctx saved = ctx;
    int savedDepth = depth;
    ctx = new Ctx(child, scope);
    ctx.line = pos.line();
    try {
      for (String local : scope.locals()) {
        child.local(local);
      }
      statements(stripDocstring(body));
      if (child.kind == CodeObject.KIND_CLASS) {
        // hidden locals must not become class attributes
        for (int h = 0; h < child.localNames.size(); h++) {
          if (child.localNames.get(h).startsWith("$")) {
            emit(LOAD_NONE);
            emit(STORE_FAST, h);
            emit(DELETE_FAST, h);
          }
        }
      }
      emit(LOAD_NONE);
      emit(RETURN_VALUE);
    } finally {
      ctx = saved;
      depth = savedDepth;
    }
  }

  private String nativeDecorator(FunctionDef f) {
    if (f.decorators().isEmpty()) {
      return null;
    }
    Expr d = f.decorators().get(0);
    if (f.decorators().size() == 1
        && d instanceof Call c
        && c.func() instanceof Name n
        && n.id().equals("native")) {
      if (c.args().size() != 1 || !c.keywords().isEmpty()
          || !(c.args().get(0) instanceof Const k) || k.kind() != ConstKind.STR
          || ((String) k.value()).isEmpty()) {
        throw error(d.pos(), "@native needs one string literal, the native's name (\"module.name\")");
      }
      return (String) ((Const) c.args().get(0)).value();
    }
    for (Expr x : f.decorators()) {
      if (x instanceof Call c && c.func() instanceof Name n && n.id().equals("native")) {
        throw error(x.pos(), "@native cannot be combined with other decorators");
      }
    }
    throw unsupported(d.pos(), "decorators are");
  }

  private BindKind bindKind(String name) {
    Where w = resolve(name);
    if (w == Where.GLOBAL || (w == Where.LOCAL && ctx.unit.kind == CodeObject.KIND_MODULE)) {
      return BindKind.GLOBAL;
    }
    if (w == Where.LOCAL) {
      return BindKind.LOCAL;
    }
    return BindKind.NONE;
  }

  private void beginSite(DefSite site) {
    ctx.unit.defSites.add(site);
    ctx.unit.emit(CodeUnit.DEF_BEGIN, 0, 0, site, ctx.line);
  }

  private void endSite(DefSite site) {
    ctx.unit.emit(CodeUnit.DEF_END, 0, 0, site, ctx.line);
  }

  /** True if evaluating {@code e} has no effect beyond its value (so it may be dropped). */
  private boolean isPure(Expr e) {
    if (e instanceof Const || e instanceof Name) {
      return true;
    }
    if (ConstantFolder.emittable(e) != null) {
      return true;
    }
    if (e instanceof TupleExpr t) {
      return t.elts().stream().allMatch(this::isPure);
    }
    if (e instanceof Attribute a) {
      return a.value() instanceof Name;
    }
    return false;
  }

  private void classDef(ClassDef c) {
    if (!c.decorators().isEmpty()) {
      throw unsupported(c.decorators().get(0).pos(), "class decorators are");
    }
    if (!c.keywords().isEmpty()) {
      throw unsupported(c.keywords().get(0).pos(), "class keyword arguments (metaclass=...) are");
    }
    count(c.pos(), c.bases().size(), 255, "base classes");
    Scope cs = scopes.scopeOf(c);
    CodeUnit child = new CodeUnit(module, CodeObject.KIND_CLASS, c.name());
    child.firstLine = c.pos().line();
    module.codes.add(child);
    boolean pure = c.bases().stream().allMatch(this::isPure) && isPureClassBody(c.body());
    DefSite site = new DefSite(ctx.unit, child, null, bindKind(c.name()), c.name(), pure);
    beginSite(site);
    for (Expr b : c.bases()) {
      if (b instanceof Starred) {
        throw unsupported(b.pos(), "starred base classes are");
      }
      expr(b);
    }
    emitRef(BUILD_CLASS, child, c.bases().size());
    storeName(c.name(), c.pos());
    endSite(site);
    generateBody(child, cs, c.body(), c.pos());
  }

  /** A class body made only of definitions and constant assignments can be dropped unseen. */
  private boolean isPureClassBody(List<Stmt> body) {
    for (Stmt s : body) {
      if (s instanceof FunctionDef f) {
        if (!f.args().defaults().stream().allMatch(this::isPure)) {
          return false;
        }
      } else if (s instanceof Assign a) {
        if (!isPure(a.value()) || !a.targets().stream().allMatch(t -> t instanceof Name)) {
          return false;
        }
      } else if (s instanceof ClassDef inner) {
        if (!isPureClassBody(inner.body()) || !inner.bases().stream().allMatch(this::isPure)) {
          return false;
        }
      } else if (!(s instanceof Pass) && !(s instanceof ExprStmt e && e.value() instanceof Const)) {
        return false;
      }
    }
    return true;
  }

  private void newException(Call c) {
    if (ctx.unit.kind != CodeObject.KIND_MODULE || !ctx.blocks.isEmpty()) {
      throw error(c.pos(), "new_exception must be a statement at module level");
    }
    if (c.args().size() < 2 || c.args().size() > 3 || !c.keywords().isEmpty()) {
      throw error(c.pos(), "new_exception needs a name, a parent and an optional message string");
    }
    if (!(c.args().get(0) instanceof Name name)) {
      throw error(c.args().get(0).pos(), "new_exception: the first argument must be a name");
    }
    Expr parentExpr = c.args().get(1);
    int parent = -1;
    if (parentExpr instanceof Name p) {
      parent = program.userException(p.id());
      if (parent < 0 && resolve(p.id()) == Where.UNBOUND) {
        parent = ExceptionTree.indexOf(p.id());
      }
    }
    if (parent < 0) {
      throw error(parentExpr.pos(), "new_exception: parent not defined");
    }
    String message = null;
    if (c.args().size() == 3) {
      if (!(c.args().get(2) instanceof Const m) || m.kind() != ConstKind.STR) {
        throw error(c.args().get(2).pos(), "new_exception: the message must be a string literal");
      }
      message = (String) m.value();
    }
    int index = program.addException(name.id(), parent, message);
    emit(LOAD_EXCEPTION, index);
    storeName(name.id(), name.pos());
  }

  // ---------------------------------------------------------------------------------------------
  // imports

  private void importStatement(Import im) {
    for (Alias a : im.names()) {
      int savedLine = ctx.line;
      ctx.line = a.pos().line();
      if (a.asName() == null && a.name().contains(".")) {
        throw error(a.pos(), "'import " + a.name() + "' without 'as' (packages as values) is not"
            + " supported yet; use 'import " + a.name() + " as name' or 'from ... import ...'");
      }
      ModuleUnit m = program.module(module, a.name());
      if (m == null) {
        throw error(a.pos(), "no module named '" + a.name() + "'");
      }
      emitRef(IMPORT_NAME, new CodeUnit.ModuleRef(m));
      storeName(a.asName() != null ? a.asName() : a.name(), a.pos());
      ctx.line = savedLine;
    }
  }

  private void importFrom(ImportFrom im) {
    if (im.level() > 0) {
      throw unsupported(im.pos(), "relative imports are");
    }
    if ("__future__".equals(im.module())) {
      for (Alias a : im.names()) {
        if (!FUTURE_FEATURES.contains(a.name())) {
          throw error(a.pos(), "future feature " + a.name() + " is not defined");
        }
      }
      return; // every feature is already on in Python 3
    }
    ModuleUnit m = program.module(module, im.module());
    if (m == null) {
      throw error(im.pos(), "no module named '" + im.module() + "'");
    }
    if (im.names().size() == 1 && im.names().get(0).name().equals("*")) {
      if (ctx.unit.kind != CodeObject.KIND_MODULE) {
        throw error(im.pos(), "import * only allowed at module level");
      }
      List<String> names = module.starImports.getOrDefault(im.module(), List.of());
      emitRef(IMPORT_NAME, new CodeUnit.ModuleRef(m));
      for (String n : names) {
        emit(DUP_TOP);
        emitRef(LOAD_ATTR, n);
        storeName(n, im.pos());
      }
      emit(POP_TOP);
      return;
    }
    boolean onStack = false;
    for (Alias a : im.names()) {
      String bound = a.asName() != null ? a.asName() : a.name();
      ModuleUnit sub = m.isPackage ? program.module(module, im.module() + "." + a.name()) : null;
      if (sub != null) {
        emitRef(IMPORT_NAME, new CodeUnit.ModuleRef(sub));
        storeName(bound, a.pos());
        continue;
      }
      if (!onStack) {
        emitRef(IMPORT_NAME, new CodeUnit.ModuleRef(m));
        onStack = true;
      }
      emit(DUP_TOP);
      emitRef(LOAD_ATTR, a.name());
      storeName(bound, a.pos());
    }
    if (onStack) {
      emit(POP_TOP);
    }
  }

  private static final java.util.Set<String> FUTURE_FEATURES =
      java.util.Set.of(
          "nested_scopes", "generators", "division", "absolute_import", "with_statement",
          "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations");

  // ---------------------------------------------------------------------------------------------
  // names

  private Where resolve(String name) {
    return scopes.resolve(ctx.scope, name);
  }

  private int compSlot(String name) {
    for (Scope s = ctx.scope; s != null && s.kind == Kind.COMPREHENSION; s = s.parent) {
      Map<String, Integer> vars = ctx.comps.get(s);
      if (vars != null && vars.containsKey(name)) {
        return vars.get(name);
      }
    }
    throw new IllegalStateException("no hidden local for comprehension variable " + name);
  }

  private CompileError closure(String name, Pos pos) {
    return error(pos, "closures are not supported yet: '" + name + "' belongs to an enclosing function");
  }

  private void loadName(String name, Pos pos) {
    Where where = resolve(name);
    if (where == Where.LOCAL && ctx.unit.kind == CodeObject.KIND_CLASS
        && !ctx.classAssigned.contains(name)) {
      // A class body reads its namespace, then the globals, then the builtins: before the class
      // binds the name, the read means the global or builtin one (`x = x + 1` in a class body).
      where = scopes.module.isLocal(name) ? Where.GLOBAL : Where.UNBOUND;
      if (where == Where.UNBOUND && ExceptionTree.indexOf(name) < 0
          && !program.builtinNames().contains(name) && program.constant(name) == null) {
        where = Where.LOCAL; // nothing outside: the class's own name (UnboundLocalError if unset)
      }
    }
    switch (where) {
      case COMP -> emit(LOAD_FAST, compSlot(name));
      case LOCAL -> {
        if (ctx.unit.kind == CodeObject.KIND_MODULE) {
          emitRef(LOAD_GLOBAL, name);
        } else {
          emit(LOAD_FAST, ctx.unit.local(name));
        }
      }
      case GLOBAL -> emitRef(LOAD_GLOBAL, name);
      case FREE -> throw closure(name, pos);
      case UNBOUND -> loadUnbound(name, pos);
    }
  }

  private void loadUnbound(String name, Pos pos) {
    int exc = ExceptionTree.indexOf(name);
    if (exc >= 0) {
      emit(LOAD_EXCEPTION, exc);
      return;
    }
    if (program.builtinNames().contains(name)) {
      emitRef(LOAD_BUILTIN, name);
      return;
    }
    if (name.equals("__name__")) {
      emitConst(new Constant.Str(module.name));
      return;
    }
    Long constant = program.constant(name);
    if (constant != null) {
      emitValue(constant, pos);
      return;
    }
    throw error(pos, "name '" + name + "' is not defined");
  }

  /** {@code D3.PWM} when {@code D3} names nothing but a constant and the front end gave {@code D3.PWM}. */
  private Long dottedConstant(Attribute a) {
    if (!(a.value() instanceof Name n)) {
      return null;
    }
    Long c = program.constant(n.id() + "." + a.attr());
    if (c == null || resolve(n.id()) != Where.UNBOUND || program.builtinNames().contains(n.id())) {
      return null;
    }
    return c;
  }

  private void storeName(String name, Pos pos) {
    if (ctx.unit.kind == CodeObject.KIND_CLASS) {
      ctx.classAssigned.add(name);
    }
    switch (resolve(name)) {
      case COMP -> emit(STORE_FAST, compSlot(name));
      case LOCAL -> {
        if (ctx.unit.kind == CodeObject.KIND_MODULE) {
          emitRef(STORE_GLOBAL, name);
        } else {
          emit(STORE_FAST, ctx.unit.local(name));
        }
      }
      case GLOBAL -> emitRef(STORE_GLOBAL, name);
      case FREE -> throw closure(name, pos);
      case UNBOUND -> {
        // only a module-level store can reach here with an unanalysed name (dead code)
        emitRef(STORE_GLOBAL, name);
      }
    }
  }

  private void deleteName(String name, Pos pos) {
    switch (resolve(name)) {
      case COMP -> emit(DELETE_FAST, compSlot(name));
      case LOCAL -> {
        if (ctx.unit.kind == CodeObject.KIND_MODULE) {
          emitRef(DELETE_GLOBAL, name);
        } else {
          emit(DELETE_FAST, ctx.unit.local(name));
        }
      }
      case GLOBAL, UNBOUND -> emitRef(DELETE_GLOBAL, name);
      case FREE -> throw closure(name, pos);
    }
  }

  private void store(Expr t) {
    if (t instanceof Name n) {
      storeName(n.id(), n.pos());
    } else if (t instanceof Attribute a) {
      expr(a.value());
      emitRef(STORE_ATTR, a.attr());
    } else if (t instanceof Subscript s) {
      expr(s.value());
      expr(s.index());
      emit(STORE_SUBSCR);
    } else if (t instanceof TupleExpr tu) {
      unpack(tu.pos(), tu.elts());
    } else if (t instanceof ListExpr l) {
      unpack(l.pos(), l.elts());
    } else if (t instanceof Starred s) {
      throw error(s.pos(), "starred assignment target must be in a list or tuple");
    } else {
      throw error(t.pos(), "cannot assign to " + Parser.describe(t));
    }
  }

  private void unpack(Pos pos, List<Expr> elts) {
    int star = -1;
    for (int i = 0; i < elts.size(); i++) {
      if (elts.get(i) instanceof Starred) {
        if (star >= 0) {
          throw error(elts.get(i).pos(), "multiple starred expressions in assignment");
        }
        star = i;
      }
    }
    if (star < 0) {
      count(pos, elts.size(), 255, "targets to unpack");
      emit(UNPACK_SEQUENCE, elts.size());
      for (Expr e : elts) {
        store(e);
      }
    } else {
      int after = elts.size() - star - 1;
      count(pos, star, 255, "targets before a starred target");
      count(pos, after, 255, "targets after a starred target");
      emit(UNPACK_EX, star, after);
      for (Expr e : elts) {
        store(e instanceof Starred s ? s.value() : e);
      }
    }
  }

  private void delete(Expr t) {
    if (t instanceof Name n) {
      deleteName(n.id(), n.pos());
    } else if (t instanceof Attribute a) {
      expr(a.value());
      emitRef(DELETE_ATTR, a.attr());
    } else if (t instanceof Subscript s) {
      expr(s.value());
      expr(s.index());
      emit(DELETE_SUBSCR);
    } else if (t instanceof TupleExpr tu) {
      for (Expr e : tu.elts()) {
        delete(e);
      }
    } else if (t instanceof ListExpr l) {
      for (Expr e : l.elts()) {
        delete(e);
      }
    } else {
      throw error(t.pos(), "cannot delete " + Parser.describe(t));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // expressions

  private void expr(Expr e) {
    if (++depth > MAX_DEPTH) {
      throw error(e.pos(), "expression too deeply nested");
    }
    int savedLine = ctx.line;
    ctx.line = e.pos().line();
    try {
      doExpr(e);
    } finally {
      ctx.line = savedLine;
      depth--;
    }
  }

  private void doExpr(Expr e) {
    if (e instanceof Name n) {
      loadName(n.id(), n.pos());
    } else if (e instanceof Const c) {
      constant(c);
    } else if (e instanceof BinOp b) {
      binOp(b);
    } else if (e instanceof UnaryOp u) {
      Object folded = ConstantFolder.emittable(u);
      if (folded != null) {
        emitValue(folded, u.pos());
        return;
      }
      expr(u.operand());
      emit(switch (u.op()) {
        case NEG -> UNARY_NEG;
        case POS -> UNARY_POS;
        case NOT -> UNARY_NOT;
        case INVERT -> UNARY_INVERT;
      });
    } else if (e instanceof BoolOp b) {
      Label end = new Label();
      List<Expr> values = b.values();
      for (int i = 0; i < values.size() - 1; i++) {
        expr(values.get(i));
        jump(b.isAnd() ? JUMP_IF_FALSE_OR_POP : JUMP_IF_TRUE_OR_POP, end);
      }
      expr(values.get(values.size() - 1));
      place(end);
    } else if (e instanceof Compare c) {
      compare(c);
    } else if (e instanceof Call c) {
      call(c);
    } else if (e instanceof Attribute a) {
      Long constant = dottedConstant(a);
      if (constant != null) {
        emitValue(constant, a.pos());
        return;
      }
      expr(a.value());
      emitRef(LOAD_ATTR, a.attr());
    } else if (e instanceof Subscript s) {
      expr(s.value());
      expr(s.index());
      emit(LOAD_SUBSCR);
    } else if (e instanceof Slice s) {
      sliceParts(s);
    } else if (e instanceof ListExpr l) {
      sequence(l.pos(), l.elts(), BUILD_LIST);
    } else if (e instanceof TupleExpr t) {
      sequence(t.pos(), t.elts(), BUILD_TUPLE);
    } else if (e instanceof SetExpr s) {
      sequence(s.pos(), s.elts(), BUILD_SET);
    } else if (e instanceof DictExpr d) {
      dict(d);
    } else if (e instanceof Comp c) {
      comprehension(c);
    } else if (e instanceof IfExp i) {
      Label orElse = new Label();
      Label end = new Label();
      condJump(i.test(), false, orElse);
      expr(i.body());
      jump(JUMP, end);
      place(orElse);
      expr(i.orElse());
      place(end);
    } else if (e instanceof NamedExpr n) {
      expr(n.value());
      emit(DUP_TOP);
      storeName(n.target().id(), n.pos());
    } else if (e instanceof JoinedStr j) {
      joinedStr(j);
    } else if (e instanceof FormattedValue f) {
      joinedStr(new JoinedStr(f.pos(), List.of(f)));
    } else if (e instanceof Starred s) {
      throw error(s.pos(), "can't use starred expression here");
    } else if (e instanceof Lambda l) {
      throw unsupported(l.pos(), "lambda is");
    } else if (e instanceof Yield || e instanceof YieldFrom) {
      throw unsupported(e.pos(), "generators are");
    } else if (e instanceof Await a) {
      throw unsupported(a.pos(), "await is");
    } else {
      throw error(e.pos(), "internal compiler error: unknown expression " + e.getClass().getSimpleName());
    }
  }

  private void constant(Const c) {
    switch (c.kind()) {
      case TRUE -> emit(LOAD_TRUE);
      case FALSE -> emit(LOAD_FALSE);
      case NONE -> emit(LOAD_NONE);
      case ELLIPSIS -> throw unsupported(c.pos(), "Ellipsis ('...') is");
      case IMAGINARY -> throw unsupported(c.pos(), "complex numbers are");
      default -> emitValue(c.value(), c.pos());
    }
  }

  /** Emits a folded or literal value: Long, BigInteger, Double, String or byte[]. */
  private void emitValue(Object v, Pos pos) {
    if (v instanceof BigInteger) {
      throw error(pos, "integer literal too large (more than 64 bits; big ints are not supported yet)");
    }
    if (v instanceof Long l) {
      if (l >= Short.MIN_VALUE && l <= Short.MAX_VALUE) {
        emit(LOAD_SMALL_INT, (int) (long) l);
      } else {
        emitConst(new Constant.Int(l));
      }
    } else if (v instanceof Double d) {
      emitConst(new Constant.Float(d));
    } else if (v instanceof String s) {
      emitConst(new Constant.Str(s));
    } else if (v instanceof byte[] b) {
      emitConst(new Constant.Bytes(b));
    } else {
      throw error(pos, "internal compiler error: bad constant " + v);
    }
  }

  private void emitConst(Constant c) {
    emitRef(LOAD_CONST, c);
  }

  private void binOp(BinOp b) {
    // The left spine, top first: long chains like 1+x+...+x are walked once, without recursion.
    List<BinOp> spine = new ArrayList<>();
    Expr leaf = b;
    while (leaf instanceof BinOp lb) {
      spine.add(lb);
      leaf = lb.left();
    }
    // Fold from the bottom up; emit the highest node whose value is a constant we can emit.
    Object acc = ConstantFolder.fold(leaf);
    int best = spine.size(); // spine.size() means: start from the leaf itself
    Object bestValue = null;
    for (int j = spine.size() - 1; j >= 0 && acc != null; j--) {
      Object right = ConstantFolder.fold(spine.get(j).right());
      acc = right == null ? null : ConstantFolder.binary(spine.get(j).op(), acc, right);
      if (acc != null && !(acc instanceof BigInteger)) {
        best = j;
        bestValue = acc;
      }
    }
    if (bestValue != null) {
      emitValue(bestValue, spine.get(best).pos());
    } else {
      expr(leaf);
    }
    for (int j = best - 1; j >= 0; j--) {
      BinOp op = spine.get(j);
      expr(op.right());
      int savedLine = ctx.line;
      ctx.line = op.pos().line();
      emit(binaryOp(op.op()));
      ctx.line = savedLine;
    }
  }

  private static int compareOp(CmpKind k) {
    return switch (k) {
      case EQ -> EQ;
      case NE -> NE;
      case LT -> LT;
      case LE -> LE;
      case GT -> GT;
      case GE -> GE;
      case IS -> IS;
      case IS_NOT -> IS_NOT;
      case IN -> IN;
      case NOT_IN -> NOT_IN;
    };
  }

  private void compare(Compare c) {
    expr(c.left());
    int n = c.ops().size();
    if (n == 1) {
      expr(c.comparators().get(0));
      emit(compareOp(c.ops().get(0)));
      return;
    }
    Label cleanup = new Label();
    Label end = new Label();
    for (int i = 0; i < n - 1; i++) {
      expr(c.comparators().get(i));
      emit(DUP_TOP);
      emit(ROT_THREE);
      emit(compareOp(c.ops().get(i)));
      jump(JUMP_IF_FALSE_OR_POP, cleanup);
    }
    expr(c.comparators().get(n - 1));
    emit(compareOp(c.ops().get(n - 1)));
    jump(JUMP, end);
    place(cleanup);
    emit(ROT_TWO);
    emit(POP_TOP);
    place(end);
  }

  /** The truth value of a constant test, or null if it is not constant. */
  private static Boolean truth(Expr e) {
    if (e instanceof Const c) {
      return switch (c.kind()) {
        case TRUE -> true;
        case FALSE, NONE -> false;
        case INT -> c.value() instanceof Long l ? l != 0 : true;
        case FLOAT -> (Double) c.value() != 0.0;
        case STR -> !((String) c.value()).isEmpty();
        case BYTES -> ((byte[]) c.value()).length != 0;
        default -> null;
      };
    }
    return null;
  }

  /** Jumps to {@code target} if {@code e}'s truth equals {@code when}; falls through otherwise. */
  private void condJump(Expr e, boolean when, Label target) {
    if (e instanceof UnaryOp u && u.op() == UnaryKind.NOT) {
      condJump(u.operand(), !when, target);
      return;
    }
    if (e instanceof BoolOp b) {
      List<Expr> values = b.values();
      if (b.isAnd() != when) {
        // and + jump-if-false, or or + jump-if-true: any one decides
        for (Expr v : values) {
          condJump(v, when, target);
        }
      } else {
        Label skip = new Label();
        for (int i = 0; i < values.size() - 1; i++) {
          condJump(values.get(i), !when, skip);
        }
        condJump(values.get(values.size() - 1), when, target);
        place(skip);
      }
      return;
    }
    Boolean t = truth(e);
    if (t != null) {
      if (t == when) {
        jump(JUMP, target);
      }
      return;
    }
    expr(e);
    jump(when ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, target);
  }

  private void sliceParts(Slice s) {
    if (s.lower() != null) {
      expr(s.lower());
    } else {
      emit(LOAD_NONE);
    }
    if (s.upper() != null) {
      expr(s.upper());
    } else {
      emit(LOAD_NONE);
    }
    if (s.step() != null) {
      expr(s.step());
      emit(BUILD_SLICE, 3);
    } else {
      emit(BUILD_SLICE, 2);
    }
  }

  /** A list, tuple or set display, with starred items and long displays built in steps. */
  private void sequence(Pos pos, List<Expr> elts, int build) {
    count(pos, elts.size(), 65535, "items in a display");
    boolean starred = elts.stream().anyMatch(x -> x instanceof Starred);
    if (!starred && elts.size() <= DISPLAY_CHUNK) {
      for (Expr x : elts) {
        expr(x);
      }
      emit(build, elts.size());
      return;
    }
    int builder = build == BUILD_SET ? BUILD_SET : BUILD_LIST;
    int add = build == BUILD_SET ? SET_ADD : LIST_APPEND;
    int extend = build == BUILD_SET ? SET_UPDATE : LIST_EXTEND;
    int first = 0;
    while (first < elts.size() && first < DISPLAY_CHUNK && !(elts.get(first) instanceof Starred)) {
      expr(elts.get(first));
      first++;
    }
    emit(builder, first);
    for (int i = first; i < elts.size(); i++) {
      Expr x = elts.get(i);
      if (x instanceof Starred s) {
        expr(s.value());
        emit(extend, 0);
      } else {
        expr(x);
        emit(add, 0);
      }
    }
    if (build == BUILD_TUPLE) {
      emit(LIST_TO_TUPLE);
    }
  }

  private void dict(DictExpr d) {
    int n = d.keys().size();
    count(d.pos(), n, 65535, "items in a dict display");
    boolean spread = d.keys().stream().anyMatch(k -> k == null);
    if (!spread && n <= DISPLAY_CHUNK) {
      for (int i = 0; i < n; i++) {
        expr(d.keys().get(i));
        expr(d.values().get(i));
      }
      emit(BUILD_DICT, n);
      return;
    }
    int first = 0;
    while (first < n && first < DISPLAY_CHUNK && d.keys().get(first) != null) {
      expr(d.keys().get(first));
      expr(d.values().get(first));
      first++;
    }
    emit(BUILD_DICT, first);
    for (int i = first; i < n; i++) {
      if (d.keys().get(i) == null) {
        expr(d.values().get(i));
        emit(DICT_UPDATE, 0);
      } else {
        expr(d.keys().get(i));
        expr(d.values().get(i));
        emit(MAP_ADD, 0);
      }
    }
  }

  private void joinedStr(JoinedStr j) {
    int n = 0;
    for (Expr v : j.values()) {
      if (v instanceof Const c) {
        emitConst(new Constant.Str((String) c.value()));
      } else {
        FormattedValue f = (FormattedValue) v;
        expr(f.value());
        int flags = 0;
        if (f.conversion() == 's') {
          flags |= 1 << 1;
        } else if (f.conversion() == 'r') {
          flags |= 2 << 1;
        } else if (f.conversion() == 'a') {
          throw unsupported(f.pos(), "the !a conversion is");
        }
        if (f.spec() != null) {
          JoinedStr spec = (JoinedStr) f.spec();
          if (spec.values().isEmpty()) {
            emitConst(new Constant.Str(""));
          } else {
            joinedStr(spec);
          }
          flags |= 1;
        }
        emit(FORMAT_VALUE, flags);
      }
      n++;
    }
    count(j.pos(), n, 65535, "parts in an f-string");
    if (n == 0) {
      emitConst(new Constant.Str(""));
    } else if (n > 1 || j.values().get(0) instanceof Const) {
      if (n > 1) {
        emit(BUILD_STRING, n);
      }
    }
  }

  private void comprehension(Comp c) {
    if (c.kind() == CompKind.GENERATOR) {
      throw unsupported(c.pos(), "generator expressions are");
    }
    for (Comprehension g : c.generators()) {
      if (g.isAsync()) {
        throw unsupported(g.pos(), "async comprehensions are");
      }
    }
    switch (c.kind()) {
      case LIST -> emit(BUILD_LIST, 0);
      case SET -> emit(BUILD_SET, 0);
      default -> emit(BUILD_DICT, 0);
    }
    List<Comprehension> gens = c.generators();
    expr(gens.get(0).iter());
    Scope cs = scopes.scopeOf(c);
    Scope saved = ctx.scope;
    Map<String, Integer> vars = new HashMap<>();
    for (String name : cs.locals()) {
      int slot = ctx.unit.hiddenLocal(name + ".");
      vars.put(name, slot);
      ctx.hidden.add(slot);
    }
    ctx.comps.put(cs, vars);
    ctx.scope = cs;
    try {
      comprehensionLoop(c, 0);
    } finally {
      ctx.scope = saved;
      ctx.comps.remove(cs);
    }
  }

  private void comprehensionLoop(Comp c, int level) {
    Comprehension g = c.generators().get(level);
    if (level > 0) {
      expr(g.iter());
    }
    emit(GET_ITER);
    Label head = new Label();
    Label done = new Label();
    Label next = new Label();
    place(head);
    jump(FOR_ITER, done);
    store(g.target());
    for (Expr cond : g.ifs()) {
      condJump(cond, false, next);
    }
    if (level + 1 < c.generators().size()) {
      comprehensionLoop(c, level + 1);
    } else {
      int below = c.generators().size(); // the iterators between the new top and the container
      expr(c.elt());
      switch (c.kind()) {
        case LIST -> emit(LIST_APPEND, below);
        case SET -> emit(SET_ADD, below);
        default -> {
          expr(c.value());
          emit(MAP_ADD, below);
        }
      }
    }
    place(next);
    jump(LOOP, head);
    place(done);
  }

  // ---------------------------------------------------------------------------------------------
  // calls

  private boolean isBuiltin(Expr func, String name) {
    return func instanceof Name n && n.id().equals(name) && resolve(name) == Where.UNBOUND
        && program.builtinNames().contains(name);
  }

  private void call(Call c) {
    if (isNewException(c) && resolve("new_exception") == Where.UNBOUND) {
      throw error(c.pos(), "new_exception must be a statement at module level");
    }
    if (c.func() instanceof Name n && n.id().equals("native") && resolve("native") == Where.UNBOUND) {
      throw error(c.pos(), "native(...) is only a decorator: @native(\"module.name\") on a def");
    }
    for (String reflective : new String[] {"getattr", "setattr", "hasattr", "delattr"}) {
      if (isBuiltin(c.func(), reflective)) {
        if (c.args().size() < 2 || !(c.args().get(1) instanceof Const k) || k.kind() != ConstKind.STR) {
          throw error(c.pos(), reflective + " needs a string literal as second argument");
        }
        ctx.unit.extraNames.add((String) k.value());
      }
    }
    if (c.func() instanceof Name n && n.id().equals("super") && c.args().isEmpty()
        && c.keywords().isEmpty() && isBuiltin(c.func(), "super")) {
      zeroArgSuper(c);
      return;
    }
    boolean star = c.args().stream().anyMatch(a -> a instanceof Starred)
        || c.keywords().stream().anyMatch(k -> k.arg() == null);
    int npos = c.args().size();
    int nkw = c.keywords().size();
    if (!star && npos <= 255 && nkw <= 255) {
      if (nkw == 0 && c.func() instanceof Attribute a) {
        expr(a.value());
        emitRef(LOAD_METHOD, a.attr());
        for (Expr arg : c.args()) {
          expr(arg);
        }
        emit(CALL_METHOD, npos);
        return;
      }
      expr(c.func());
      for (Expr arg : c.args()) {
        expr(arg);
      }
      if (nkw == 0) {
        emit(CALL, npos);
        return;
      }
      for (Keyword k : c.keywords()) {
        emitRef(PUSH_NAME, k.arg());
        expr(k.value());
      }
      emit(CALL_KW, npos, nkw);
      return;
    }
    // the general form: an argument tuple and a keyword dict
    expr(c.func());
    List<Expr> args = c.args();
    int first = 0;
    while (first < args.size() && first < DISPLAY_CHUNK && !(args.get(first) instanceof Starred)) {
      expr(args.get(first));
      first++;
    }
    emit(BUILD_LIST, first);
    for (int i = first; i < args.size(); i++) {
      if (args.get(i) instanceof Starred s) {
        expr(s.value());
        emit(LIST_EXTEND, 0);
      } else {
        expr(args.get(i));
        emit(LIST_APPEND, 0);
      }
    }
    emit(LIST_TO_TUPLE);
    int flags = 0;
    if (!c.keywords().isEmpty()) {
      emit(BUILD_DICT, 0);
      for (Keyword k : c.keywords()) {
        if (k.arg() == null) {
          expr(k.value());
          emit(DICT_UPDATE, 0);
        } else {
          emitConst(new Constant.Str(k.arg()));
          expr(k.value());
          emit(MAP_ADD, 0);
        }
      }
      flags = 1;
    }
    emit(CALL_EX, flags);
  }

  /**
   * {@code super()} in a method of a module-level class becomes {@code super(Class, self)}: the
   * closure cell CPython uses for {@code __class__} is not needed while the class is a global.
   */
  private void zeroArgSuper(Call c) {
    Scope s = ctx.scope;
    while (s.kind == Kind.COMPREHENSION) {
      s = s.parent;
    }
    Scope cls = s.kind == Kind.FUNCTION ? s.parent : null;
    if (cls == null || cls.kind != Kind.CLASS || cls.parent.kind != Kind.MODULE
        || s.params.isEmpty() || ctx.unit.argCount == 0) {
      throw unsupported(c.pos(), "super() without arguments outside a method of a module-level class is");
    }
    String first = s.params.get(0);
    emitRef(LOAD_BUILTIN, "super");
    emitRef(LOAD_GLOBAL, cls.name);
    emit(LOAD_FAST, ctx.unit.local(first));
    emit(CALL, 2);
  }
}
