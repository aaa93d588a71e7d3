package dev.zvm.vm;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a program that calls the VM's natives with hostile arguments: every builtin function,
 * every function of the native modules, every method of the builtin types and every operator,
 * with no argument, with each value of a list of awkward ones (None, the int limits, NaN, empty
 * and non-ASCII text, containers, types, pins), and with random pairs, triples and quadruples of
 * them drawn from a seed. Each call is wrapped so that any Python exception counts as an answer;
 * the program ends by printing how many calls returned and how many raised. What it looks for is
 * everything else: a Java exception out of a native (a VM bug, which ends the run), a hang, a
 * wrong count (a call lost). Run {@link #main} to print a seed's program, which runs as it is
 * under {@code ./zvm run}.
 */
final class HostileCallGenerator {
  /** The awkward values, as Python source; the program keeps them in {@code VALS}. */
  static final List<String> VALUES = List.of(
      "None", "True", "0", "-1", "7", "300", "2**31", "2**40", "-2**63", "2**63 - 1", "1.5", "-0.0",
      "float('inf')", "float('nan')", "1e300", "''", "'abc'", "'a{}b{0}'", "'%s'", "'<4h'", "'\\u00e9x\\U0001F600'",
      "' x '", "b''", "b'xy'", "bytearray(b'q')", "[]", "[1, 2]", "['a', 'b']", "()", "(1, 'a')", "{}", "{1: 2}",
      "set()", "frozenset([1])", "range(3)", "range(-2**63, 2**63 - 1, 2**60)", "slice(1, 2)", "int", "str", "len",
      "Exception('x')", "D0", "A0", "LED0", "BTN0");

  /**
   * Builtins and module functions, by the module that must be imported first ("" for builtins),
   * with the private natives under them: a program can call those too. Left out: what may wait
   * for ever or past the run's limit whatever it is given (sleep, a lock's or event's or thread's
   * wait, a serial port's wait for input, pwm's wait for its pulses), and what would turn the
   * rest of the program's allocations into MemoryErrors (gc.disable, gc.heap_lock).
   */
  private static final String[][] FUNCTIONS = {
    {"", "print len enumerate zip reversed sorted min max sum abs all any divmod round pow repr isinstance"
        + " issubclass hash id iter next ord chr hex oct bin map filter callable ascii format getattr setattr"
        + " hasattr delattr int float bool str bytes bytearray shorts shortarray list tuple dict set frozenset"
        + " range slice type super property staticmethod classmethod object pinMode digitalRead digitalWrite"
        + " pinToggle analogRead analogWrite onPinRise onPinFall thread random _thread_start _thread_priority"
        + " _thread_set_priority _thread_status _on_pin"},
    {"math", "sqrt exp expm1 log log2 log10 log1p pow sin cos tan asin acos atan atan2 sinh cosh tanh asinh"
        + " acosh atanh degrees radians hypot fabs fmod copysign floor ceil trunc modf frexp ldexp isnan isinf"
        + " isfinite isclose factorial gcd"},
    {"random", "seed random getrandbits uniform randrange randint choice shuffle"},
    {"struct", "pack pack_into unpack unpack_from calcsize"},
    {"gc", "collect mem_free mem_alloc info enable"},
    {"gpio", "mode get set high low toggle"},
    {"pwm", "write _start"},
    {"adc", "read"},
    {"spi", "Spi _bus _select _unselect _exchange"},
    {"i2c", "I2C _bus _transmit"},
    {"streams", "stream serial _open _write _read_into _read_line _available _set_default _close"},
    {"timers", "now timer _arm _disarm"},
    {"threading", "get_ident Thread Lock Semaphore Event Condition _release _event_set _notify _current _start"
        + " _status"},
    {"queue", "Queue"},
    {"time", "perf_counter time"},
  };

  /**
   * Receivers for the methods: one or more of each builtin type and of the modules' classes, made
   * afresh for every call, and in states where no method waits for ever: an unlocked lock, an event
   * already set, a queue that holds two items and has no bound, a thread not started.
   */
  private static final List<String> RECEIVERS = List.of(
      "'hello world'", "'\\u00e9t\\u00e9\\U0001F600 A1'", "''", "b'hello, world'", "bytearray(b'abc')",
      "[3, 1, 2, 'x']", "[]", "(1, 2, 2)", "{'a': 1, 2: [3]}", "{1, 2, 3}", "frozenset([1, 'b'])",
      "range(2, 20, 3)", "12345", "-2**63", "2.5", "float('nan')", "slice(1, 9, 2)", "Exception('e', 2)", "True",
      "bytes(3)", "{'k': 1}.items()", "iter([1])", "threading.Lock()", "threading.Semaphore(3)", "set_event()",
      "threading.Condition()", "threading.Thread(target=len)", "two_items()", "streams.serial()", "timers.timer()");

  private static final String METHODS = "__format__ append clear copy count decode difference extend find hex"
      + " index insert intersection isdisjoint issubset issuperset join lower lstrip pop remove replace reverse"
      + " rstrip split startswith endswith strip symmetric_difference union upper fromkeys get items keys popitem"
      + " setdefault update values conjugate is_integer bit_length sort add difference_update discard"
      + " intersection_update symmetric_difference_update capitalize casefold center encode expandtabs format"
      + " isalnum isalpha isdecimal isdigit isidentifier islower isnumeric isprintable isspace istitle isupper"
      + " ljust partition removeprefix removesuffix rfind rindex rjust rpartition rsplit splitlines swapcase"
      + " title zfill to_bytes from_bytes __str__ __repr__ __len__ __getitem__ __contains__ __eq__ __hash__"
      + " __iter__ args acquire release wait set is_set notify notify_all locked put get empty full qsize"
      + " write available close one_shot interval destroy start reset is_alive join run";

  /** Keyword names the natives take, and a few they do not. */
  private static final List<String> KEYWORDS = List.of(
      "key", "reverse", "default", "sep", "end", "encoding", "errors", "base", "start", "stop", "step", "timeout",
      "blocking", "prio", "size", "debounce", "time_unit", "maxsize", "fill", "target", "args", "arg", "x", "self");

  /** The operators, each a branch of {@code op(k, a, b)}; a statement that raises is an answer. */
  private static final List<String> OPERATORS = List.of(
      "r = a + b", "r = a - b", "r = a * b", "r = a / b", "r = a // b", "r = a % b", "r = a ** b", "r = a << b",
      "r = a >> b", "r = a & b", "r = a | b", "r = a ^ b", "r = a[b]", "r = a in b", "r = a < b", "r = a == b",
      "r = a >= b", "r = divmod(a, b)", "r = pow(a, b, 7)", "a[b] = 1", "del a[b]", "r = a[b:b]", "r = round(a, b)",
      "r = -a", "r = ~a", "r = hash(a)", "r = str(a) + repr(a)", "r = '%s %d' % (a, b)", "r = '{} {:>5}'.format(a, b)",
      "r = max(a, b)", "r = sorted(a)", "r = a(b)", "a += b", "r = a[b::-1]", "r = list(a)", "r = len(a)");

  private final SplittableRandom random;
  private final StringBuilder out = new StringBuilder();
  private int calls;
  private boolean sweep;

  HostileCallGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** How many calls the last program makes: it must print {@code done <calls>}. */
  int calls() {
    return calls;
  }

  /**
   * A program of about {@code perArity} random calls per function, method and arity; with
   * {@code sweep}, each function and method is also called with every value alone.
   */
  String program(int perArity, boolean sweep) {
    this.sweep = sweep;
    out.setLength(0);
    calls = 0;
    for (String[] module : FUNCTIONS) {
      if (!module[0].isEmpty()) {
        out.append("import ").append(module[0]).append('\n');
      }
    }
    out.append("VALS = [").append(String.join(", ", VALUES)).append("]\n");
    out.append("ok = 0\nraised = 0\n");
    out.append("""
        def t(f, a, k=None):
            global ok, raised
            try:
                if k is None:
                    f(*a)
                else:
                    f(*a, **k)
                ok += 1
            except Exception:
                raised += 1
        def make(i):
        """);
    for (int i = 0; i < RECEIVERS.size(); i++) {
      out.append("    if i == ").append(i).append(":\n        return ").append(RECEIVERS.get(i)).append('\n');
    }
    out.append("""
        def set_event():
            e = threading.Event()
            e.set()
            return e
        def two_items():
            q = queue.Queue()
            q.put(1)
            q.put('b')
            return q
        def m(i, c, a, k=None):
            t(c, (make(i), a, k))
        """);
    functions(perArity);
    methods(perArity);
    operators(perArity * 40);
    out.append("streams.serial()\n"); // print to the console again, whatever _set_default was given
    out.append("print()\nprint('done', ok + raised)\n"); // on a line of its own, whatever was written before
    return out.toString();
  }

  private void functions(int perArity) {
    for (String[] module : FUNCTIONS) {
      for (String name : module[1].split(" ")) {
        String f = module[0].isEmpty() ? name : module[0] + "." + name;
        String def = "run_" + f.replace('.', '_');
        out.append("def ").append(def).append("():\n");
        out.append("    t(").append(f).append(", ())\n");
        calls++;
        if (sweep) {
          out.append("    for v in VALS:\n        t(").append(f).append(", (v,))\n");
          calls += VALUES.size();
        }
        for (int arity = sweep ? 2 : 1; arity <= 4; arity++) {
          for (int k = 0; k < perArity; k++) {
            out.append("    t(").append(f).append(", ").append(randomArgs(arity)).append(")\n");
            calls++;
          }
        }
        out.append(def).append("()\n");
      }
    }
  }

  private void methods(int perArity) {
    for (String name : METHODS.split(" ")) {
      out.append("def c_").append(name).append("(o, a, k):\n    return o.").append(name)
          .append("(*a) if k is None else o.").append(name).append("(*a, **k)\n");
      out.append("def run_").append(name).append("():\n");
      out.append("    for i in range(").append(RECEIVERS.size()).append("):\n");
      out.append("        m(i, c_").append(name).append(", ())\n");
      calls += RECEIVERS.size();
      if (sweep) {
        out.append("        for v in VALS:\n            m(i, c_").append(name).append(", (v,))\n");
        calls += RECEIVERS.size() * VALUES.size();
      }
      for (int arity = sweep ? 2 : 1; arity <= 3; arity++) {
        for (int k = 0; k < perArity / 2; k++) {
          out.append("        m(i, c_").append(name).append(", ").append(randomArgs(arity)).append(")\n");
          calls += RECEIVERS.size();
        }
      }
      out.append("run_").append(name).append("()\n");
    }
  }

  private void operators(int count) {
    out.append("def op(k, a, b):\n");
    for (int k = 0; k < OPERATORS.size(); k++) {
      out.append(k == 0 ? "    if" : "    elif").append(" k == ").append(k).append(":\n        ")
          .append(OPERATORS.get(k)).append('\n');
    }
    out.append("def run_operators():\n");
    for (int i = 0; i < count; i++) {
      // a fresh copy of a mutable left operand, so that one statement's change does not carry over
      out.append("    t(op, (").append(random.nextInt(OPERATORS.size())).append(", ")
          .append(copied(VALUES.get(random.nextInt(VALUES.size())))).append(", VALS[")
          .append(random.nextInt(VALUES.size())).append("]))\n");
      calls++;
    }
    out.append("run_operators()\n");
  }

  private static String copied(String value) {
    return value.startsWith("[") || value.startsWith("{") || value.startsWith("bytearray") || value.equals("set()")
        ? value : "VALS[" + VALUES.indexOf(value) + "]";
  }

  /** Positional arguments, as a tuple; a third of the time also keywords, as a dict after it. */
  private String randomArgs(int arity) {
    StringBuilder a = new StringBuilder("(");
    for (int i = 0; i < arity; i++) {
      a.append("VALS[").append(random.nextInt(VALUES.size())).append("], ");
    }
    a.append(')');
    if (random.nextInt(3) == 0) {
      a.append(", {");
      for (int i = random.nextInt(2); i >= 0; i--) {
        a.append('\'').append(KEYWORDS.get(random.nextInt(KEYWORDS.size()))).append("': VALS[")
            .append(random.nextInt(VALUES.size())).append("], ");
      }
      a.append('}');
    }
    return a.toString();
  }

  /** Prints a seed's program, with the sweep: {@code HostileCallGenerator SEED [PER_ARITY]}. */
  public static void main(String[] args) {
    HostileCallGenerator g = new HostileCallGenerator(Long.parseLong(args[0]));
    System.out.print(g.program(args.length > 1 ? Integer.parseInt(args[1]) : 20, true));
  }
}
