package dev.zvm.cli;

import dev.zvm.bytecode.BadImageException;
import dev.zvm.bytecode.Disassembler;
import dev.zvm.bytecode.Image;
import dev.zvm.bytecode.ImageReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code zvm disasm app.zimg}: reads and verifies an image, then prints it with {@link
 * Disassembler}. A bad image prints the verifier's message on stderr and exits 1; so does a file
 * that cannot be read. Never a Java stack trace.
 */
@Command(
    name = "disasm",
    mixinStandardHelpOptions = true,
    description = "Verify a compiled image (.zimg) and print it: tables, then each code object's"
        + " instructions with their resolved operands.")
public final class DisasmCommand implements Callable<Integer> {

  /** Largest file read: the format's lengths are u32, but a JVM array stops short of 2 GiB. */
  private static final long MAX_IMAGE_BYTES = Integer.MAX_VALUE - 8;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "IMAGE", description = "the image file, e.g. app.zimg")
  Path image;

  @Option(names = "--code", paramLabel = "N", description = "print only code object N")
  Integer code;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      byte[] bytes = read(image);
      Image img = ImageReader.read(bytes);
      if (code != null && (code < 0 || code >= img.codes().size())) {
        err.println("zvm disasm: --code " + code + " out of range: the image has "
            + img.codes().size() + " code objects");
        err.flush();
        return 2;
      }
      out.print(code == null ? Disassembler.disassemble(img)
          : Disassembler.disassembleCode(img, code));
      out.flush();
      return 0;
    } catch (BadImageException e) {
      err.println("zvm disasm: " + image + ": bad image: " + e.getMessage());
    } catch (NoSuchFileException e) {
      err.println("zvm disasm: " + image + ": no such file");
    } catch (IOException e) {
      err.println("zvm disasm: " + image + ": cannot read: " + e.getMessage());
    }
    err.flush();
    return 1;
  }

  private static byte[] read(Path path) throws IOException {
    long size = Files.size(path);
    if (size > MAX_IMAGE_BYTES) {
      throw new IOException(size + " bytes, more than an image can hold");
    }
    return Files.readAllBytes(path);
  }
}
