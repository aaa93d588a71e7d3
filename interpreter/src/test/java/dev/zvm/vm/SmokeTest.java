package dev.zvm.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void printsHello() {
    Py.Run r = Py.run("print('hello', 1 + 2)\n");
    assertEquals(null, r.traceback());
    assertEquals("hello 3\n", r.out());
  }
}
