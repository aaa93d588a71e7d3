package dev.zvm.compiler;

import static dev.zvm.bytecode.Opcodes.*;

import dev.zvm.bytecode.CodeObject;
import dev.zvm.bytecode.Constant;
import dev.zvm.bytecode.ExceptionTree;
import dev.zvm.bytecode.Image;
import dev.zvm.compiler.CodeUnit.BindKind;
import dev.zvm.compiler.CodeUnit.DefSite;
import dev.zvm.compiler.CodeUnit.Insn;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The generated modules to one {@link Image}.
 *
 * <ol>
 *   <li>Reachability: starting from {@code __main__} and the builtins, a module is live when live
 *       code imports it; a definition site (a {@code def}, a {@code class}, a native binding) is
 *       live when live code can name what it binds: a load of that global or local, an attribute
 *       or keyword of that name anywhere (so {@code o.m()} keeps every method {@code m}), a
 *       literal name given to getattr/setattr/hasattr, or a dunder name (the VM calls those
 *       itself). The rest is dropped and counted in {@link CompileStats}.
 *   <li>Names become 16-bit ids, constants are pooled without duplicates, natives are listed in
 *       first-use order, and every live unit is assembled.
 * </ol>
 */
final class Linker {
  private final List<ModuleUnit> modules;
  private final ModuleUnit builtins;
  private final List<String[]> userExceptions; // name, parent index, message
  private final List<Integer> userParents;
  private final boolean stripNames;

  private final Map<String, Integer> names = new LinkedHashMap<>();
  private final Set<String> keptNames = new HashSet<>();
  private final Map<Constant, Integer> pool = new LinkedHashMap<>();
  private final Map<String, Integer> natives = new LinkedHashMap<>();

  // reachability state
  private final Set<ModuleUnit> liveModules = new HashSet<>();
  private final Set<CodeUnit> liveCodes = new HashSet<>();
  private final ArrayDeque<CodeUnit> toScan = new ArrayDeque<>();
  private final Set<String> usedNames = new HashSet<>();
  private final Map<ModuleUnit, Set<String>> usedGlobals = new IdentityHashMap<>();
  private final Map<CodeUnit, Set<Integer>> usedLocals = new IdentityHashMap<>();

  Linker(
      List<ModuleUnit> modules,
      List<String[]> userExceptions,
      List<Integer> userParents,
      boolean stripNames) {
    this.modules = modules;
    this.builtins = modules.get(1);
    this.userExceptions = userExceptions;
    this.userParents = userParents;
    this.stripNames = stripNames;
  }

  /** The result: the image and its statistics. */
  record Linked(Image image, CompileStats stats) {}

  Linked link() {
    reachability();
    int totalCodes = 0;
    int totalBytes = 0;
    for (ModuleUnit m : modules) {
      for (CodeUnit u : m.codes) {
        totalCodes++;
        totalBytes += Assembler.size(u);
      }
    }
    removeDeadSites();
    pruneGlobals();
    // modules and codes get their indices
    List<ModuleUnit> linked = new ArrayList<>();
    for (ModuleUnit m : modules) {
      if (liveModules.contains(m)) {
        m.index = linked.size();
        linked.add(m);
      }
    }
    List<CodeUnit> codes = new ArrayList<>();
    for (ModuleUnit m : linked) {
      m.bodyUnit.index = codes.size();
      codes.add(m.bodyUnit);
      for (CodeUnit u : m.codes) {
        if (u != m.bodyUnit && liveCodes.contains(u)) {
          u.index = codes.size();
          codes.add(u);
        }
      }
    }
    // the builtin exception names come first, so that ids are stable for the VM
    List<Image.ExceptionClass> tree = new ArrayList<>();
    for (ExceptionTree.Entry e : ExceptionTree.BUILTINS) {
      tree.add(new Image.ExceptionClass(keep(e.name()), e.parent(), null));
    }
    for (int i = 0; i < userExceptions.size(); i++) {
      String[] e = userExceptions.get(i);
      tree.add(new Image.ExceptionClass(keep(e[0]), userParents.get(i), e[2]));
    }
    List<Image.Module> moduleTable = new ArrayList<>();
    Assembler.Tables tables = tables();
    List<CodeObject> objects = new ArrayList<>();
    int keptBytes = 0;
    for (CodeUnit u : codes) {
      CodeObject c = Assembler.assemble(u, tables);
      keptBytes += c.code().length;
      objects.add(c);
    }
    for (ModuleUnit m : linked) {
      int[] globals = new int[m.globals.size()];
      for (int g = 0; g < globals.length; g++) {
        globals[g] = name(m.globals.get(g));
      }
      moduleTable.add(new Image.Module(keep(m.name), m.source.name(), m.bodyUnit.index, globals));
    }
    List<String> nameTable = new ArrayList<>(names.keySet());
    int flags = 0;
    if (stripNames) {
      flags |= Image.FLAG_NAMES_STRIPPED;
      for (int i = 0; i < nameTable.size(); i++) {
        String n = nameTable.get(i);
        if (!keptNames.contains(n) && !(n.startsWith("__") && n.endsWith("__"))) {
          nameTable.set(i, null);
        }
      }
    }
    Image image = new Image(
        flags,
        nameTable,
        new ArrayList<>(pool.keySet()),
        objects,
        moduleTable,
        builtins.index,
        tree,
        new ArrayList<>(natives.keySet()),
        List.of());
    CompileStats stats = new CompileStats(
        linked.size(),
        codes.size(),
        keptBytes,
        pool.size(),
        nameTable.size(),
        natives.size(),
        totalCodes - codes.size(),
        Math.max(0, totalBytes - keptBytes),
        modules.size() - linked.size());
    return new Linked(image, stats);
  }

  // ---------------------------------------------------------------------------------------------
  // ids

  private int name(String n) {
    Integer id = names.get(n);
    if (id == null) {
      if (names.size() == 65536) {
        throw new Assembler.AssemblyError("too many names: the program uses more than 65536"
            + " distinct names, and name ids are 16-bit");
      }
      id = names.size();
      names.put(n, id);
    }
    return id;
  }

  /** A name the VM needs as text even in a stripped image. */
  private int keep(String n) {
    keptNames.add(n);
    return name(n);
  }

  private Assembler.Tables tables() {
    return new Assembler.Tables() {
      @Override
      public int name(String n) {
        return Linker.this.name(n);
      }

      @Override
      public int constant(Constant c) {
        return pool.computeIfAbsent(c, k -> pool.size());
      }

      @Override
      public int global(ModuleUnit module, String n) {
        int slot = module.globals.indexOf(n);
        if (slot < 0) {
          module.globals.add(n);
          slot = module.globals.size() - 1;
        }
        return slot;
      }

      @Override
      public int builtin(String n) {
        int slot = builtins.globals.indexOf(n);
        if (slot < 0) {
          throw new IllegalStateException("no builtin named " + n);
        }
        return slot;
      }

      @Override
      public int code(CodeUnit unit) {
        if (unit.index < 0) {
          throw new IllegalStateException("code " + unit.name + " was dropped but is used");
        }
        return unit.index;
      }

      @Override
      public int nativeIndex(String n) {
        return natives.computeIfAbsent(n, k -> natives.size());
      }

      @Override
      public int module(ModuleUnit module) {
        if (module.index < 0) {
          throw new IllegalStateException("module " + module.name + " was dropped but is used");
        }
        return module.index;
      }
    };
  }

  // ---------------------------------------------------------------------------------------------
  // reachability

  private void reachability() {
    liveModule(modules.get(0));
    liveModule(builtins);
    boolean changed = true;
    while (changed) {
      while (!toScan.isEmpty()) {
        CodeUnit u = toScan.pop();
        scan(u, 0, u.code.size(), true);
        usedNames.addAll(u.extraNames);
      }
      changed = false;
      for (ModuleUnit m : modules) {
        if (!liveModules.contains(m)) {
          continue;
        }
        for (CodeUnit u : m.codes) {
          if (!liveCodes.contains(u)) {
            continue;
          }
          for (DefSite s : u.defSites) {
            if (!s.live && siteUsed(s)) {
              s.live = true;
              changed = true;
              int[] range = siteRange(u, s);
              scan(u, range[0] + 1, range[1], false);
            }
          }
        }
      }
    }
  }

  private void liveModule(ModuleUnit m) {
    if (liveModules.add(m)) {
      liveCode(m.bodyUnit);
    }
  }

  private void liveCode(CodeUnit u) {
    if (liveCodes.add(u)) {
      toScan.push(u);
    }
  }

  private boolean siteUsed(DefSite s) {
    if (!s.pure || s.bind == BindKind.NONE) {
      return true;
    }
    String n = s.name;
    if (n.startsWith("__") && n.endsWith("__")) {
      return true;
    }
    if (usedNames.contains(n)) {
      return true;
    }
    if (s.bind == BindKind.GLOBAL) {
      return usedGlobals.getOrDefault(s.owner.module, Set.of()).contains(n);
    }
    int slot = s.owner.localNames.indexOf(n);
    return usedLocals.getOrDefault(s.owner, Set.of()).contains(slot);
  }

  private static int[] siteRange(CodeUnit u, DefSite s) {
    int begin = -1;
    for (int i = 0; i < u.code.size(); i++) {
      Insn in = u.code.get(i);
      if (in.ref == s) {
        if (in.op == CodeUnit.DEF_BEGIN) {
          begin = i;
        } else if (in.op == CodeUnit.DEF_END) {
          return new int[] {begin, i};
        }
      }
    }
    throw new IllegalStateException("definition site without its end in " + u.name);
  }

  /** Records what instructions [from, to) of {@code u} use; skips sites when asked. */
  private void scan(CodeUnit u, int from, int to, boolean skipSites) {
    for (int i = from; i < to; i++) {
      Insn in = u.code.get(i);
      if (in.op == CodeUnit.DEF_BEGIN && skipSites) {
        DefSite s = (DefSite) in.ref;
        int end = siteRange(u, s)[1];
        if (s.live) {
          scan(u, i + 1, end, false);
        }
        i = end;
        continue;
      }
      if (in.op < 0) {
        continue;
      }
      int op = in.op;
      if (op == LOAD_GLOBAL || op == DELETE_GLOBAL) {
        usedGlobals.computeIfAbsent(u.module, k -> new HashSet<>()).add((String) in.ref);
      } else if (op == LOAD_BUILTIN) {
        usedGlobals.computeIfAbsent(builtins, k -> new HashSet<>()).add((String) in.ref);
      } else if (op == LOAD_FAST || op == DELETE_FAST) {
        usedLocals.computeIfAbsent(u, k -> new HashSet<>()).add(in.arg0);
      } else if (op == LOAD_ATTR || op == LOAD_METHOD || op == STORE_ATTR || op == DELETE_ATTR
          || op == PUSH_NAME) {
        usedNames.add((String) in.ref);
        keptNames.add((String) in.ref);
      } else if (op == IMPORT_NAME) {
        liveModule(((CodeUnit.ModuleRef) in.ref).module());
      } else if (op == MAKE_FUNCTION || op == BUILD_CLASS) {
        liveCode((CodeUnit) in.ref);
      }
    }
  }

  /**
   * Keeps only the global slots live code stores, loads or deletes (so that, say, the builtins
   * a program never names take no slot and no name). A global nothing touches is unobservable:
   * reading it as a module attribute finds it unset either way.
   */
  private void pruneGlobals() {
    Map<ModuleUnit, Set<String>> touched = new IdentityHashMap<>();
    for (ModuleUnit m : modules) {
      if (!liveModules.contains(m)) {
        continue;
      }
      for (CodeUnit u : m.codes) {
        if (!liveCodes.contains(u)) {
          continue;
        }
        for (Insn in : u.code) {
          if (in.op == LOAD_GLOBAL || in.op == STORE_GLOBAL || in.op == DELETE_GLOBAL) {
            touched.computeIfAbsent(u.module, k -> new HashSet<>()).add((String) in.ref);
          } else if (in.op == LOAD_BUILTIN) {
            touched.computeIfAbsent(builtins, k -> new HashSet<>()).add((String) in.ref);
          }
        }
      }
    }
    for (ModuleUnit m : modules) {
      Set<String> keep = touched.getOrDefault(m, Set.of());
      m.globals.removeIf(g -> !keep.contains(g));
    }
  }

  /** Removes dead definition sites and every site marker. */
  private void removeDeadSites() {
    for (ModuleUnit m : modules) {
      for (CodeUnit u : m.codes) {
        if (!liveCodes.contains(u)) {
          continue;
        }
        List<Insn> out = new ArrayList<>(u.code.size());
        boolean skipping = false;
        for (Insn in : u.code) {
          if (in.op == CodeUnit.DEF_BEGIN) {
            skipping = !((DefSite) in.ref).live;
            continue;
          }
          if (in.op == CodeUnit.DEF_END) {
            skipping = false;
            continue;
          }
          if (!skipping) {
            out.add(in);
          }
        }
        u.code.clear();
        u.code.addAll(out);
        for (String extra : u.extraNames) {
          keptNames.add(extra);
          name(extra);
        }
        // parameter names bind keyword arguments at run time: keep them
        int params = u.argCount + u.kwOnlyCount
            + ((u.flags & CodeObject.FLAG_VARARGS) != 0 ? 1 : 0)
            + ((u.flags & CodeObject.FLAG_VARKEYWORDS) != 0 ? 1 : 0);
        for (int p = 0; p < params && p < u.localNames.size(); p++) {
          keptNames.add(u.localNames.get(p));
        }
        if (u.kind == CodeObject.KIND_CLASS) {
          keptNames.addAll(u.localNames); // class attributes
        }
      }
    }
  }
}
