package dev.zvm.compiler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One module of the program while it is compiled: its source, its tree, its scopes, its global
 * slots and the code units generated for it. Module 0 is {@code __main__}.
 */
final class ModuleUnit {
  final String name;
  final SourceFile source;
  List<Ast.Stmt> body = List.of();
  Scopes scopes;
  /** The module's global slots, by name, in slot order. */
  final List<String> globals = new ArrayList<>();
  /** Modules this one imports, by the dotted name used in the source. */
  final Map<String, ModuleUnit> imports = new LinkedHashMap<>();
  /** Names bound by {@code from m import *}, per source module. */
  final Map<String, List<String>> starImports = new LinkedHashMap<>();
  final List<CodeUnit> codes = new ArrayList<>();
  CodeUnit bodyUnit;
  /** Package directory modules ({@code pkg/__init__.py}) can have submodules. */
  boolean isPackage;
  /** Set by the linker: index in the image's module table, -1 if not linked. */
  int index = -1;

  ModuleUnit(String name, SourceFile source) {
    this.name = name;
    this.source = source;
  }

  int globalSlot(String n) {
    int i = globals.indexOf(n);
    if (i < 0) {
      globals.add(n);
      i = globals.size() - 1;
    }
    return i;
  }

  @Override
  public String toString() {
    return "ModuleUnit[" + name + "]";
  }
}
