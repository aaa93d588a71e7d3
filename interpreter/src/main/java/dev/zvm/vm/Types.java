package dev.zvm.vm;

/**
 * The one list of Python types: the type byte of every heap object (the gc's opaque type field)
 * and the pseudo type codes of immediates, with the Python name of each. The runtime makes one
 * builtin class object per named entry; {@link Runtime#classOf} maps a value to it.
 *
 * <p>Payload layouts (words after the 8-byte header; "slots" objects are traced, "bytes" are not):
 *
 * <pre>
 *  INT        bytes  [long value]
 *  FLOAT      bytes  [double value]
 *  STR        bytes  [length][hash][chars: 1, 2 or 4 bytes each, the kind in the user flags]
 *  BYTES      bytes  [the bytes]                       length = payload bytes
 *  SHORTS     bytes  [u16 each]                        length = payload bytes / 2
 *  BYTEARRAY  slots  [length, RAW buffer]
 *  SHORTARRAY slots  [length, RAW buffer]
 *  LIST       slots  [length, SLOTS buffer]
 *  TUPLE      slots  [item0, item1, ...]               length = slot count
 *  RANGE      bytes  [long start][long stop][long step]
 *  SET        slots  [used, fill, SLOTS keys, RAW hashes]  open addressing, CPython's probing
 *  FROZENSET  as SET
 *  DICT       slots  [used, count, SLOTS entries (key, value pairs), RAW index, RAW hashes]
 *  FUNCTION   slots  [code index, globals, defaults, kw defaults, closure, module]
 *  METHOD     slots  [callable, self]
 *  CLASS      see Classes
 *  INSTANCE   slots  [class, SLOTS attributes]         attribute i at the class's layout index i
 *  MODULE     slots  [name, globals, state, index]
 *  BUFFER     slots or bytes: the growable backing store of the mutable containers
 *  SLICE      slots  [start, stop, step]
 *  ITERATOR   slots  [iterable, index, extra...]       kind in the user flags (see Iterators)
 *  DICT_VIEW  slots  [dict]                            keys / values / items in the user flags
 *  CELL       slots  [value]
 *  PROPERTY   slots  [getter, setter]
 *  STATICMETHOD, CLASSMETHOD slots [function]
 *  SUPER      slots  [class, self]
 * </pre>
 */
final class Types {
  private Types() {}

  // ---- heap type bytes ----
  static final int INT = 1;
  static final int FLOAT = 2;
  static final int BOOL = 3; // immediate
  static final int STR = 4;
  static final int BYTES = 5;
  static final int BYTEARRAY = 6;
  static final int SHORTS = 7;
  static final int SHORTARRAY = 8;
  static final int LIST = 9;
  static final int TUPLE = 10;
  static final int RANGE = 11;
  static final int FROZENSET = 12;
  static final int SET = 13;
  static final int DICT = 14;
  static final int FUNCTION = 15;
  static final int METHOD = 16;
  static final int CLASS = 17;
  static final int INSTANCE = 18;
  static final int MODULE = 19;
  static final int BUFFER = 20;
  static final int SLICE = 21;
  static final int ITERATOR = 22;
  static final int DICT_VIEW = 23;
  static final int CELL = 24;
  static final int NONE = 25; // immediate
  static final int EXCEPTION = 26; // immediate: its class is the tree's class
  static final int NATIVE = 27; // immediate
  static final int PROPERTY = 28;
  static final int STATICMETHOD = 29;
  static final int CLASSMETHOD = 30;
  static final int SUPER = 31;
  static final int NOT_IMPLEMENTED = 32; // immediate
  static final int ELLIPSIS = 33; // immediate
  /** {@code object}: the root of every class; no value has this type code. */
  static final int OBJECT = 34;
  static final int COUNT = 35;

  /** Python name of each type code; null for internal types with no class. */
  private static final String[] NAME = new String[COUNT];

  static {
    NAME[INT] = "int";
    NAME[FLOAT] = "float";
    NAME[BOOL] = "bool";
    NAME[STR] = "str";
    NAME[BYTES] = "bytes";
    NAME[BYTEARRAY] = "bytearray";
    NAME[SHORTS] = "shorts";
    NAME[SHORTARRAY] = "shortarray";
    NAME[LIST] = "list";
    NAME[TUPLE] = "tuple";
    NAME[RANGE] = "range";
    NAME[FROZENSET] = "frozenset";
    NAME[SET] = "set";
    NAME[DICT] = "dict";
    NAME[FUNCTION] = "function";
    NAME[METHOD] = "method";
    NAME[CLASS] = "type";
    NAME[MODULE] = "module";
    NAME[SLICE] = "slice";
    NAME[ITERATOR] = "iterator";
    NAME[DICT_VIEW] = "dict_view";
    NAME[CELL] = "cell";
    NAME[NONE] = "NoneType";
    NAME[NATIVE] = "builtin_function_or_method";
    NAME[PROPERTY] = "property";
    NAME[STATICMETHOD] = "staticmethod";
    NAME[CLASSMETHOD] = "classmethod";
    NAME[SUPER] = "super";
    NAME[NOT_IMPLEMENTED] = "NotImplementedType";
    NAME[ELLIPSIS] = "ellipsis";
    NAME[OBJECT] = "object";
  }

  static String name(int type) {
    return NAME[type];
  }

  /** True if the type code has a builtin class object. */
  static boolean hasClass(int type) {
    return type > 0 && type < COUNT && NAME[type] != null;
  }

  /** The parent class's type code of a builtin type: bool is an int, everything else an object. */
  static int base(int type) {
    return type == BOOL ? INT : type == OBJECT ? 0 : OBJECT;
  }

  /** Sequences and dicts hold at most this many elements, as in Zerynth. */
  static final int MAX_ELEMENTS = 65535;
}
