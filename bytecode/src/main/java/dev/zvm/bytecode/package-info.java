/**
 * The one contract between compiler and VM: opcodes, code objects, the image format (writer, reader,
 * verifier) and the disassembler. It knows neither how source is parsed nor how code runs.
 */
package dev.zvm.bytecode;
