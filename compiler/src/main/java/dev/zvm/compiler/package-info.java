/**
 * Python source to an image: lexer, parser, AST, scopes, code generation, the linker and error messages.
 * It knows nothing of the running VM.
 */
package dev.zvm.compiler;
