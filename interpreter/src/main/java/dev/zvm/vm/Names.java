package dev.zvm.vm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The name table: the image's 16-bit name ids, then the names the VM itself needs (special
 * methods, builtin method names) appended after them. Attribute dictionaries are keyed by these
 * ids, so an attribute lookup never compares strings. Built once at load; read-only afterwards
 * except for {@link #id}, which the {@code getattr} family may call with a name nobody used.
 */
final class Names {
  private final List<String> byId = new ArrayList<>();
  private final Map<String, Integer> ids = new HashMap<>();

  // Well-known ids, resolved at load.
  final int init;
  final int str;
  final int repr;
  final int eq;
  final int ne;
  final int lt;
  final int le;
  final int gt;
  final int ge;
  final int hash;
  final int len;
  final int getitem;
  final int setitem;
  final int delitem;
  final int contains;
  final int iter;
  final int next;
  final int call;
  final int bool;
  final int neg;
  final int pos;
  final int abs;
  final int invert;
  final int index;
  final int intName;
  final int floatName;
  final int name;
  final int qualname;
  final int module;
  final int classAttr;
  final int args;
  final int enter;
  final int exit;
  final int getattr;
  final int setattr;
  final int delattr;
  final int doc;
  final int dict;
  final int format;
  final int reversed;
  final int newName;
  final int cause;
  final int value;
  /** Binary special methods by operator index ({@link Operators}): plain, reflected, in-place. */
  final int[] binary;
  final int[] reflected;
  final int[] inplace;

  Names(List<String> imageNames) {
    for (int i = 0; i < imageNames.size(); i++) {
      String n = imageNames.get(i);
      byId.add(n);
      if (n != null) {
        ids.putIfAbsent(n, i);
      }
    }
    init = id("__init__");
    str = id("__str__");
    repr = id("__repr__");
    eq = id("__eq__");
    ne = id("__ne__");
    lt = id("__lt__");
    le = id("__le__");
    gt = id("__gt__");
    ge = id("__ge__");
    hash = id("__hash__");
    len = id("__len__");
    getitem = id("__getitem__");
    setitem = id("__setitem__");
    delitem = id("__delitem__");
    contains = id("__contains__");
    iter = id("__iter__");
    next = id("__next__");
    call = id("__call__");
    bool = id("__bool__");
    neg = id("__neg__");
    pos = id("__pos__");
    abs = id("__abs__");
    invert = id("__invert__");
    index = id("__index__");
    intName = id("__int__");
    floatName = id("__float__");
    name = id("__name__");
    qualname = id("__qualname__");
    module = id("__module__");
    classAttr = id("__class__");
    args = id("args");
    enter = id("__enter__");
    exit = id("__exit__");
    getattr = id("__getattr__");
    setattr = id("__setattr__");
    delattr = id("__delattr__");
    doc = id("__doc__");
    dict = id("__dict__");
    format = id("__format__");
    reversed = id("__reversed__");
    newName = id("__new__");
    cause = id("__cause__");
    value = id("value");
    String[] ops = Operators.SPECIAL_NAMES;
    binary = new int[ops.length];
    reflected = new int[ops.length];
    inplace = new int[ops.length];
    for (int i = 0; i < ops.length; i++) {
      binary[i] = id("__" + ops[i] + "__");
      reflected[i] = id("__r" + ops[i] + "__");
      inplace[i] = id("__i" + ops[i] + "__");
    }
  }

  /** The id of {@code name}, added after the image's names if it is new. */
  int id(String name) {
    Integer id = ids.get(name);
    if (id != null) {
      return id;
    }
    int n = byId.size();
    byId.add(name);
    ids.put(name, n);
    return n;
  }

  /** The id of {@code name}, or -1 if no one uses it. */
  int find(String name) {
    Integer id = ids.get(name);
    return id == null ? -1 : id;
  }

  String name(int id) {
    String n = id >= 0 && id < byId.size() ? byId.get(id) : null;
    return n != null ? n : "#" + id;
  }

  int size() {
    return byId.size();
  }
}
