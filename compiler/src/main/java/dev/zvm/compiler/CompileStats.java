package dev.zvm.compiler;

/**
 * What the linker kept and what it dropped.
 *
 * @param modules modules in the image
 * @param codeObjects code objects in the image
 * @param codeBytes bytes of bytecode in the image
 * @param constants entries of the constant pool
 * @param names entries of the name table
 * @param natives natives the image uses
 * @param droppedCodeObjects functions, classes and methods no reachable code can name
 * @param droppedBytes bytes of bytecode removed with them (and with their definitions)
 * @param droppedModules modules only imported from dropped code
 */
public record CompileStats(
    int modules,
    int codeObjects,
    int codeBytes,
    int constants,
    int names,
    int natives,
    int droppedCodeObjects,
    int droppedBytes,
    int droppedModules) {

  static final CompileStats NONE = new CompileStats(0, 0, 0, 0, 0, 0, 0, 0, 0);

  @Override
  public String toString() {
    return modules + " modules, " + codeObjects + " code objects (" + codeBytes + " bytes of code), "
        + constants + " constants, " + names + " names, " + natives + " natives; dropped "
        + droppedCodeObjects + " code objects (" + droppedBytes + " bytes)"
        + (droppedModules > 0 ? " and " + droppedModules + " modules" : "");
  }
}
