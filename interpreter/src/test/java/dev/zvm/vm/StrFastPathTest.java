package dev.zvm.vm;

import static dev.zvm.vm.Py.out;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The str methods that work on the heap's bytes when every str involved is one byte per char
 * (Latin-1): split, join, replace, upper, lower, find, {@code %} formatting, {@code int()} and
 * {@code float()} of decimals, and the conversions to and from Java text.
 * Each is checked against a reference written in Python with indexing and {@code +=} only, which
 * take none of these paths, over every cut of texts of ASCII, Latin-1 and wider chars, so that each
 * copy starts and ends at every offset within a word. The literal expectations are CPython's.
 */
class StrFastPathTest {
  private static final String REFERENCES = String.join("\n",
      "def ref_find(s, sub, start):",
      "    i = start",
      "    while i + len(sub) <= len(s):",
      "        j = 0",
      "        while j < len(sub) and s[i + j] == sub[j]:",
      "            j += 1",
      "        if j == len(sub):",
      "            return i",
      "        i += 1",
      "    return -1",
      "def ref_split(s, sep, maxsplit):",
      "    parts = []",
      "    i = 0",
      "    while True:",
      "        j = -1",
      "        if maxsplit < 0 or len(parts) < maxsplit:",
      "            j = ref_find(s, sep, i)",
      "        if j < 0:",
      "            parts.append(s[i:])",
      "            return parts",
      "        parts.append(s[i:j])",
      "        i = j + len(sep)",
      "WS = ' \\t\\n\\x0b\\x0c\\r\\x1c\\x1d\\x1e\\x1f\\x85\\xa0'  # str.split()'s whitespace below 256",
      "def ref_words(s):",
      "    parts = []",
      "    cur = ''",
      "    for c in s:",
      "        if c in WS:",
      "            if cur != '':",
      "                parts.append(cur)",
      "            cur = ''",
      "        else:",
      "            cur += c",
      "    if cur != '':",
      "        parts.append(cur)",
      "    return parts",
      "def ref_join(sep, items):",
      "    out = ''",
      "    k = 0",
      "    for it in items:",
      "        if k > 0:",
      "            out += sep",
      "        for c in it:",
      "            out += c",
      "        k += 1",
      "    return out",
      "def ref_replace(s, old, new):",
      "    out = ''",
      "    i = 0",
      "    while i < len(s):",
      "        if ref_find(s, old, i) == i:",
      "            out += new",
      "            i += len(old)",
      "        else:",
      "            out += s[i]",
      "            i += 1",
      "    return out",
      "def ref_upper(s):",
      "    out = ''",
      "    for c in s:",
      "        if 'a' <= c and c <= 'z':",
      "            out += chr(ord(c) - 32)",
      "        else:",
      "            out += c",
      "    return out",
      "");

  @Test
  void everyCutOfTheTextsAgreesWithTheReference() {
    String program = REFERENCES + String.join("\n",
        "texts = ['ab,cd,,efg,hijkl,m,', 'xx, y ,zz  w\\tv,,', 'caf\u00e9,cr\u00e8me,\u00ff,,n', 'a\u20acb,\u03a9,c,d']",
        "checked = 0",
        "for t in texts:",
        "    i = 0",
        "    while i <= len(t):",
        "        j = i",
        "        while j <= len(t):",
        "            s = t[i:j]",
        "            if s.split(',') != ref_split(s, ',', -1):",
        "                print('split', repr(s))",
        "            if s.split(',', 2) != ref_split(s, ',', 2):",
        "                print('split 2', repr(s))",
        "            if s.split(',,') != ref_split(s, ',,', -1):",
        "                print('split ,,', repr(s))",
        "            if s.split() != ref_words(s):",
        "                print('words', repr(s))",
        "            if s.find('c') != ref_find(s, 'c', 0):",
        "                print('find', repr(s))",
        "            if s.replace(',', ' ; ') != ref_replace(s, ',', ' ; '):",
        "                print('replace', repr(s))",
        "            if s.replace(',', '') != ref_replace(s, ',', ''):",
        "                print('replace empty', repr(s))",
        "            if '<>'.join(s.split(',')) != ref_join('<>', ref_split(s, ',', -1)):",
        "                print('join', repr(s))",
        "            if ''.join([s, t, s]) != ref_join('', [s, t, s]):",
        "                print('join parts', repr(s))",
        "            if s.upper() != ref_upper(s) and s == s.encode('utf-8').decode('ascii', 'ignore'):",
        "                print('upper', repr(s))",
        "            if s.upper().lower() != s.lower() or s.lower().upper() != s.upper():",
        "                print('case', repr(s))",
        "            checked += 1",
        "            j += 1",
        "        i += 1",
        "print('checked', checked)");
    assertEquals("checked 554\n", out(program));
  }

  /**
   * The same methods over a text long enough for whole-word copies (Strs#append moves 8 words or
   * more at once when it is aligned), cut at every offset within a word at both ends, with needles
   * of several chars that overlap themselves; and {@code %} of such texts.
   */
  @Test
  void longTextsAndNeedlesOfSeveralCharsAgreeWithTheReference() {
    String program = REFERENCES + String.join("\n",
        "long = 'kalo,mire;' * 12 + 'caf\u00e9,,x' + 'aa,' * 9 + 'aaaaa'",
        "checked = 0",
        "for i in range(8):",
        "    for j in range(len(long) - 8, len(long) + 1):",
        "        s = long[i:j]",
        "        for sep in [',', ';', 'aa', ',m', 'mire;kalo', 'aaa']:",
        "            if s.split(sep) != ref_split(s, sep, -1) or s.split(sep, 3) != ref_split(s, sep, 3):",
        "                print('split', repr(sep), i, j)",
        "            if s.replace(sep, '<>') != ref_replace(s, sep, '<>'):",
        "                print('replace', repr(sep), i, j)",
        "            if s.find(sep) != ref_find(s, sep, 0) or s.find(sep, 5) != ref_find(s, sep, 5):",
        "                print('find', repr(sep), i, j)",
        "            if s.count(sep) != len(ref_split(s, sep, -1)) - 1 or s.count(sep, 7, -3) != len(ref_split(s[7:-3], sep, -1)) - 1:",
        "                print('count', repr(sep), i, j)",
        "        if s.split() != ref_words(s) or s.replace(';', ' ').split() != ref_words(ref_replace(s, ';', ' ')):",
        "            print('words', i, j)",
        "        if '%s|%d|%s%%' % (s, j - 1000, s) != ref_join('|', [s, str(j - 1000), s + '%']):",
        "            print('percent', i, j)",
        "        if '::'.join([s, s, long]) != ref_join('::', [s, s, long]):",
        "            print('join', i, j)",
        "        checked += 1",
        "print('checked', checked)");
    assertEquals("checked 72\n", out(program));
  }

  /**
   * The is... predicates read the chars from the heap (no Java text); isdigit takes the other
   * digits of a value 0 to 9 too (superscripts, circled), as CPython does. CPython's output.
   */
  @Test
  void predicatesOfCharsAgreeWithCPython() {
    String program = String.join("\n",
        "texts = ['', '12', '1a', '\u00b2\u00b9', '\u2460', '\u00bd', '\u2167', '\u0663', 'AB', 'Ab', 'ab1', '\u00c9T\u00c9', ' \\t', 'x\u00e9']",
        "for t in texts:",
        "    print(t.isdigit(), t.isdecimal(), t.isnumeric(), t.isalpha(), t.isalnum(), t.isspace(), t.isupper(), t.islower())",
        "");
    assertEquals(String.join("\n",
        "False False False False False False False False",
        "True True True False True False False False",
        "False False False False True False False True",
        "True False True False True False False False",
        "True False True False True False False False",
        "False False True False True False False False",
        "False False True False True False True False",
        "True True True False True False False False",
        "False False False True True False True False",
        "False False False True True False False False",
        "False False False False True False False True",
        "False False False True True False True False",
        "False False False False False True False False",
        "False False False True True False False True",
        ""), out(program));
  }

  /**
   * {@code x[i:j]} of a str, list or tuple with small-int or None bounds, which the compiled code
   * takes without making the slice, against a reference of indexing only, for every bound from
   * below the start to past the end.
   */
  @Test
  void slicesWithIntAndNoneBoundsAgreeWithTheReference() {
    String program = String.join("\n",
        "def bound(b, n, default):",
        "    if b is None:",
        "        return default",
        "    if b < 0:",
        "        b += n",
        "        return 0 if b < 0 else b",
        "    return n if b > n else b",
        "def ref(x, i, j):",
        "    out = []",
        "    k = bound(i, len(x), 0)",
        "    while k < bound(j, len(x), len(x)):",
        "        out.append(x[k])",
        "        k += 1",
        "    return out",
        "def check(x):",
        "    bad = 0",
        "    for i in [None, -9, -5, -1, 0, 1, 3, 5, 9]:",
        "        for j in [None, -9, -5, -1, 0, 1, 3, 5, 9]:",
        "            if list(x[i:j]) != ref(x, i, j):",
        "                bad += 1",
        "            if i is not None and list(x[i:]) != ref(x, i, None):",
        "                bad += 1",
        "            if j is not None and list(x[:j]) != ref(x, None, j):",
        "                bad += 1",
        "    return bad",
        "for x in ['', 'a', 'hello', 'caf\u00e9s', '\u20acuro', [], [1, 2, 3, 4, 5], (1, 'b', None), ()]:",
        "    print(check(x), type(x[1:3]).__name__, len(x[:]))",
        "");
    assertEquals("0 str 0\n0 str 1\n0 str 5\n0 str 5\n0 str 4\n0 list 0\n0 list 5\n0 tuple 3\n0 tuple 0\n",
        out(program));
  }

  /**
   * The fast loop compares two strs for == and != and indexes a str where the character's one-letter
   * str is made already (ASCII); the rest (a non-ASCII character, out of range, a str against
   * another type) runs in execute. CPython's output, three passes (the later ones warm).
   */
  @Test
  void equalityAndIndexingInTheFastLoop() {
    String first = "[True, False, True, False] [False, True, True, True] [False, True, True, True] "
        + "[True, False, True, False] [False, True, False, False] [True, False, True, False] "
        + "[True, False, True, False] False True True False\n";
    String second = "h o IndexError: string index out of range IndexError: string index out of range "
        + "\u00e9 \u03a9 IndexError: string index out of range a y q\n";
    String program = String.join("\n",
        "def f(a, b):",
        "    return [a == b, a != b, a[0] == b[0], a[-1] != b[-1]]",
        "def g(s, i):",
        "    try:",
        "        return s[i]",
        "    except IndexError as e:",
        "        return 'IndexError: %s' % e",
        "word = 'ab' + 'c'",
        "for r in range(3):",
        "    print(f('abc', word), f('abc', 'abd'), f('abc', 'ab'), f('\u00e9', '\u00e9'), f('\u00e9a', 'ea'),",
        "          f('\u03a9x', '\u03a9x'), f([1], [1]), 'x' == 1, 1 != 'x', 'a' == 'a', None == 'a')",
        "    print(g('hello', 0), g('hello', -1), g('hello', 5), g('hello', -6), g('h\u00e9llo', 1), g('\u03a9mega', 0),",
        "          g('', 0), g('a' * 3, 2), 'xyz'[1], ('pq' + 'r')[-2])",
        "");
    assertEquals((first + second).repeat(3), out(program));
  }

  /**
   * {@code %} with bare {@code %s} and {@code %d} of one-byte strs and ints writes the heap's bytes
   * directly (Strs#percentLatin1); everything else, and every error, goes the full way. CPython's
   * output for both kinds, the 64-bit ints' ends included.
   */
  @Test
  void percentFormattingOfStrsAndIntsAndWhatItLeavesToTheFullWay() {
    String program = String.join("\n",
        "big = 1 << 40",
        "cases = [",
        "    (\"%s,%d, %s \", (\"kalo\", 7, \"KALO\")),",
        "    (\"%d|%i|%s\", (-1073741825, 1073741824, -big)),",
        "    (\"%d %d %d\", (0, -7, 9223372036854775807)),",
        "    (\"%s\", \"alone\"),",
        "    (\"%d\", 42),",
        "    (\"100%% of %s\", (\"it\",)),",
        "    (\"\", ()),",
        "    (\"no conversions\", ()),",
        "    (\"%s%s%s\", (\"\", \"a\", \"\")),",
        "    (\"caf\\xe9 %s\", (\"cr\\xe8me\",)),",
        "    (\"%s and %s\", (\"\\u20ac\", \"x\")),",
        "    (\"%5d|%-4s|%05d\", (42, \"ab\", -3)),",
        "    (\"%r %s\", (\"q\", [1, 2])),",
        "    (\"%s %s\", (True, None)),",
        "    (\"%d\", True),",
        "    (\"%.2f %x\", (3.14159, 255)),",
        "    (\"%(a)s-%(b)d\", {\"a\": \"x\", \"b\": 5}),",
        "    (\"%s\", (1.5,)),",
        "]",
        "for fmt, args in cases:",
        "    print(repr(fmt % args))",
        "for fmt, args in [(\"%s %s\", (\"one\",)), (\"%s\", (\"a\", \"b\")), (\"%d\", (\"s\",)), (\"abc%\", ()), (\"%s %\", (\"x\",))]:",
        "    try:",
        "        print(fmt % args)",
        "    except (TypeError, ValueError) as e:",
        "        print(type(e).__name__, e)",
        "print(\"%d|%s\" % (-9223372036854775807 - 1, -10))",
        "");
    assertEquals("'kalo,7, KALO '\n"
        + "'-1073741825|1073741824|-1099511627776'\n"
        + "'0 -7 9223372036854775807'\n"
        + "'alone'\n"
        + "'42'\n"
        + "'100% of it'\n"
        + "''\n"
        + "'no conversions'\n"
        + "'a'\n"
        + "'café crème'\n"
        + "'€ and x'\n"
        + "'   42|ab  |-0003'\n"
        + "\"'q' [1, 2]\"\n"
        + "'True None'\n"
        + "'1'\n"
        + "'3.14 ff'\n"
        + "'x-5'\n"
        + "'1.5'\n"
        + "TypeError not enough arguments for format string\n"
        + "TypeError not all arguments converted during string formatting\n"
        + "TypeError %d format: a real number is required, not str\n"
        + "ValueError incomplete format\n"
        + "ValueError incomplete format\n"
        + "-9223372036854775808|-10\n",
        out(program));
  }

  /**
   * {@code int(s)} of a sign and up to 18 digits reads the heap's bytes (Strs#decimalValue); the rest
   * (whitespace, underscores, other digits, 19 digits, errors) is parsed in full. CPython's output.
   */
  @Test
  void intOfAStrWithDigitsOnlyAndWhatItLeavesToTheFullWay() {
    String program = String.join("\n",
        "for s in [\"7\", \"-42\", \"+5\", \"0\", \"000123\", \"999999999999999999\", \"-999999999999999999\", \"1073741824\", \"-1073741825\",",
        "          \"9223372036854775807\", \"-9223372036854775808\", \" 12 \", \"1_000\", \"\\t-3\\n\", \"\u0661\u0662\", \"12a\", \"\", \"-\", \"+\", \"--1\", \"0x10\", \"1.5\", \"caf\\xe9\"]:",
        "    try:",
        "        print(repr(s), int(s))",
        "    except ValueError as e:",
        "        print(repr(s), \"ValueError\", e)",
        "");
    assertEquals("'7' 7\n"
        + "'-42' -42\n"
        + "'+5' 5\n"
        + "'0' 0\n"
        + "'000123' 123\n"
        + "'999999999999999999' 999999999999999999\n"
        + "'-999999999999999999' -999999999999999999\n"
        + "'1073741824' 1073741824\n"
        + "'-1073741825' -1073741825\n"
        + "'9223372036854775807' 9223372036854775807\n"
        + "'-9223372036854775808' -9223372036854775808\n"
        + "' 12 ' 12\n"
        + "'1_000' 1000\n"
        + "'\\t-3\\n' -3\n"
        + "'\u0661\u0662' 12\n"
        + "'12a' ValueError invalid literal for int() with base 10: '12a'\n"
        + "'' ValueError invalid literal for int() with base 10: ''\n"
        + "'-' ValueError invalid literal for int() with base 10: '-'\n"
        + "'+' ValueError invalid literal for int() with base 10: '+'\n"
        + "'--1' ValueError invalid literal for int() with base 10: '--1'\n"
        + "'0x10' ValueError invalid literal for int() with base 10: '0x10'\n"
        + "'1.5' ValueError invalid literal for int() with base 10: '1.5'\n"
        + "'caf\u00e9' ValueError invalid literal for int() with base 10: 'caf\u00e9'\n",
        out(program));
  }

  /**
   * {@code float(s)} of a plain decimal with up to 15 digits and a small exponent reads the heap's
   * bytes (Strs#decimalFloat); the rest is parsed in full. CPython's output, and for 1908 generated
   * decimals the quick value equals the full parser's (a leading space forces the full way).
   */
  @Test
  void floatOfAPlainDecimalAndWhatItLeavesToTheFullWay() {
    String program = String.join("\n",
        "cases = [\"2.5\", \"-0.0\", \"0\", \"1.\", \".5\", \"-.25\", \"+7\", \"3.14159\", \"1e5\", \"1E-3\", \"1e+22\", \"1e22\", \"1e23\",",
        "         \"123456789012345\", \"1234567890123456\", \"0.1\", \"0.3\", \"9007199254740993\", \"1e-22\", \"1e-23\",",
        "         \"000000.000001\", \"5e-324\", \"1.7976931348623157e308\", \" 2.5\", \"1_0.5\", \"inf\", \"-nan\", \"1e\", \".\", \"\", \"e5\", \"1.2.3\", \"0x10\"]",
        "for s in cases:",
        "    try:",
        "        print(repr(s), repr(float(s)))",
        "    except ValueError as e:",
        "        print(repr(s), \"ValueError\", e)",
        "total = 0",
        "count = 0",
        "mismatches = 0",
        "ks = [0, 1, 7, 12, 99, 123, 4567, 89012, 3456789, 12345678901, 123456789012345, 999999999999999]",
        "for k in ks:",
        "    e = -26",
        "    while e < 27:",
        "        for s in [str(k) + \"e\" + str(e), \"-\" + str(k) + \".\" + str(k % 97) + \"e\" + str(e), \"0.\" + str(k) + \"E\" + str(e)]:",
        "            v = float(s)",
        "            if v != float(\" \" + s):",
        "                mismatches += 1",
        "            for ch in repr(v):",
        "                total = (total * 31 + ord(ch)) % 1000000007",
        "            count += 1",
        "        e += 1",
        "print(count, total, mismatches)",
        "");
    assertEquals("'2.5' 2.5\n"
        + "'-0.0' -0.0\n"
        + "'0' 0.0\n"
        + "'1.' 1.0\n"
        + "'.5' 0.5\n"
        + "'-.25' -0.25\n"
        + "'+7' 7.0\n"
        + "'3.14159' 3.14159\n"
        + "'1e5' 100000.0\n"
        + "'1E-3' 0.001\n"
        + "'1e+22' 1e+22\n"
        + "'1e22' 1e+22\n"
        + "'1e23' 1e+23\n"
        + "'123456789012345' 123456789012345.0\n"
        + "'1234567890123456' 1234567890123456.0\n"
        + "'0.1' 0.1\n"
        + "'0.3' 0.3\n"
        + "'9007199254740993' 9007199254740992.0\n"
        + "'1e-22' 1e-22\n"
        + "'1e-23' 1e-23\n"
        + "'000000.000001' 1e-06\n"
        + "'5e-324' 5e-324\n"
        + "'1.7976931348623157e308' 1.7976931348623157e+308\n"
        + "' 2.5' 2.5\n"
        + "'1_0.5' 10.5\n"
        + "'inf' inf\n"
        + "'-nan' nan\n"
        + "'1e' ValueError could not convert string to float: '1e'\n"
        + "'.' ValueError could not convert string to float: '.'\n"
        + "'' ValueError could not convert string to float: ''\n"
        + "'e5' ValueError could not convert string to float: 'e5'\n"
        + "'1.2.3' ValueError could not convert string to float: '1.2.3'\n"
        + "'0x10' ValueError could not convert string to float: '0x10'\n"
        + "1908 561379659 0\n",
        out(program));
  }

  /** {@code hex}, {@code oct} and {@code bin} write their digits into the heap (Strs#ofRadix). */
  @Test
  void hexOctAndBinOfSmallBoxedAndExtremeInts() {
    String program = String.join("\n",
        "class I:",
        "    def __index__(self):",
        "        return 300",
        "for v in [0, 1, -1, 9, 10, 15, 16, 255, -256, 1073741823, 1073741824, -1073741825, 9223372036854775807, -9223372036854775807 - 1, True, I()]:",
        "    print(hex(v), oct(v), bin(v))",
        "print(format(255, 'x'), format(-255, '#x'), '%x %o' % (255, 8), '{:b}'.format(5))",
        "try:",
        "    hex(2.5)",
        "except TypeError as e:",
        "    print(e)",
        "");
    assertEquals("0x0 0o0 0b0\n"
        + "0x1 0o1 0b1\n"
        + "-0x1 -0o1 -0b1\n"
        + "0x9 0o11 0b1001\n"
        + "0xa 0o12 0b1010\n"
        + "0xf 0o17 0b1111\n"
        + "0x10 0o20 0b10000\n"
        + "0xff 0o377 0b11111111\n"
        + "-0x100 -0o400 -0b100000000\n"
        + "0x3fffffff 0o7777777777 0b111111111111111111111111111111\n"
        + "0x40000000 0o10000000000 0b1000000000000000000000000000000\n"
        + "-0x40000001 -0o10000000001 -0b1000000000000000000000000000001\n"
        + "0x7fffffffffffffff 0o777777777777777777777 0b111111111111111111111111111111111111111111111111111111111111111\n"
        + "-0x8000000000000000 -0o1000000000000000000000 -0b1000000000000000000000000000000000000000000000000000000000000000\n"
        + "0x1 0o1 0b1\n"
        + "0x12c 0o454 0b100101100\n"
        + "ff -0xff ff 10 101\n"
        + "'float' object cannot be interpreted as an integer\n",
        out(program));
  }

  @Test
  void resultsAreOrdinaryStrsAsCPythonGivesThem() {
    String program = String.join("\n",
        "print('a,b,,c'.split(','), 'a,b,c'.split(',', 1), '  x  y z  '.split(), ' x y  z '.split(None, 1))",
        "print(''.split(','), ''.split(), '   '.split(), 'abc'.split('abc'))",
        "print('-'.join(['ab', 'cd', 'e']), ', '.join(('x', 'y')), '+'.join(['only']), repr(''.join([])))",
        "print('aaaa'.replace('a', 'bb', 3), 'abcabc'.replace('bc', ''), 'x'.replace('y', 'z'))",
        "print('Hello, World 42'.upper(), 'Hello, World 42'.lower(), 'a'.upper(), ''.upper() == '')",
        "print('Stra\u00dfe'.upper(), '\u00c9T\u00c9'.lower(), 'caf\u00e9'.replace('\u00e9', 'e'))",
        "d = {'cafe': 1, 'ae': 2}",
        "k = 'caf\u00e9'.replace('\u00e9', 'e')",
        "print(d[k], d['a\u00e9'.replace('\u00e9', 'e')], k == 'cafe', hash(k) == hash('cafe'))",
        "print(int('12345'.split(',')[0]) + 1, 'x\u20acy'.split('\u20ac'), 'abc'.find('\u20ac'))",
        "try:",
        "    ','.join(['a', 1])",
        "except TypeError as e:",
        "    print('TypeError', e)",
        "try:",
        "    'a'.replace(1, 'b')",
        "except TypeError as e:",
        "    print('TypeError', e)",
        "try:",
        "    'a'.split('')",
        "except ValueError as e:",
        "    print('ValueError', e)",
        "");
    assertEquals(String.join("\n",
        "['a', 'b', '', 'c'] ['a', 'b,c'] ['x', 'y', 'z'] ['x', 'y  z ']",
        "[''] [] [] ['', '']",
        "ab-cd-e x, y only ''",
        "bbbbbba aa x",
        "HELLO, WORLD 42 hello, world 42 A True",
        "STRASSE \u00e9t\u00e9 cafe",
        "1 2 True True",
        "12346 ['x', 'y'] -1",
        "TypeError sequence item 1: expected str instance, int found",
        "TypeError replace() argument 1 must be str, not int",
        "ValueError empty separator",
        ""), out(program));
  }

  /** rsplit keeps the left end of what it leaves whole, as split keeps the right end (CPython's rule). */
  @Test
  void rsplitKeepsTheLeadingSpacesOfTheRest() {
    String program = String.join("\n",
        "print(' x y  z '.rsplit(None, 1), '  a b c  '.rsplit(None, 0), '   '.rsplit(None, 0), ' a\\tb\\nc '.rsplit(None, 2), 'a b'.rsplit())",
        "print('a,b,,c'.rsplit(',', 1), ',a,'.rsplit(',', 5), 'abcabc'.rsplit('bc', 1), ''.rsplit(','), ''.rsplit())",
        "");
    assertEquals(String.join("\n",
        "[' x y', 'z'] ['  a b c'] [] [' a', 'b', 'c'] ['a', 'b']",
        "['a,b,', 'c'] ['', 'a', ''] ['abca', ''] [''] []",
        ""), out(program));
  }

  /**
   * {@code +} and {@code +=} of two strs, which the fast loop runs (Interpreter#arith): every width of
   * char, the empty str on either side, and the two ways it fails, past the 65,536-char limit and
   * past the heap, each raising as execute's full path does (the fast loop hands both back to it).
   */
  @Test
  void concatenationInTheFastLoopAndWhereItFails() {
    String program = String.join("\n",
      "def cat(a, b):",
      "    c = a + b",
      "    a += b",
      "    return [c == a, len(c), c]",
      "def grow(s, n):",
      "    try:",
      "        while True:",
      "            s += s",
      "    except Exception as e:",
      "        return type(e).__name__ + ' ' + str(len(s))",
      "for r in range(3):",
      "    print(cat('ab', 'cd'), cat('', 'x'), cat('y', ''), cat('\\xe9', 'a'), cat('a', '\\u20ac'), cat('\\U0001F600', '\\xe9'),",
      "          grow('abc', 20))",
      "");
    String line = "[True, 4, 'abcd'] [True, 1, 'x'] [True, 1, 'y'] [True, 2, '\u00e9a'] [True, 2, 'a\u20ac']"
        + " [True, 2, '\ud83d\ude00\u00e9'] ";
    assertEquals(line + "OverflowError 49152\n" + line + "OverflowError 49152\n" + line + "OverflowError 49152\n",
        Py.run(program, Vm.builder().heapBytes(1 << 20)).out());
    assertEquals(line + "MemoryError 24576\n" + line + "MemoryError 24576\n" + line + "MemoryError 24576\n",
        Py.run(program, Vm.builder().heapBytes(64 << 10)).out());
  }

  /**
   * Joins and concatenations copy each whole str a word at a time, shifted to wherever the text so
   * far ends: every length against every offset, with a NUL char among them (a zero byte that must
   * still land), checked char by char against lists built without copying.
   */
  @Test
  void joinsAndConcatenationsAtEveryOffset() {
    assertEquals("True 1500\n", Py.out(String.join("\n",
        "words = ['', 'a', 'bc', 'd\\x00f', 'ghij', 'klmno', 'pqrstu', 'vwxyzAB', 'CDEFGHIJ', 'KLMNOPQR\\x00']",
        "ok = True",
        "n = 0",
        "for sep in ['', '-', '+=', '<*>', '\\x00']:",
        "    for i in range(10):",
        "        for j in range(10):",
        "            parts = [words[i], words[j], words[(i + j) % 10]]",
        "            expect = []",
        "            for k in range(3):",
        "                if k > 0:",
        "                    expect.extend(list(sep))",
        "                expect.extend(list(parts[k]))",
        "            joined = sep.join(parts)",
        "            added = words[i] + sep + words[j]",
        "            ok = ok and list(joined) == expect and len(joined) == len(expect)",
        "            ok = ok and list(added) == expect[:len(words[i]) + len(sep) + len(words[j])]",
        "            n += 3",
        "print(ok, n)",
        "")));
  }
  /**
   * Strs built front to back go to blocks that are not cleared first (Strs#allocFilled): here every
   * block they get held {@code \xff} bytes a moment before. Each result must equal, word for word
   * (str equality compares the last word's padding too), the same text built in a cleared block
   * ({@code [::-1]} twice, which goes char by char), and hash as it does.
   */
  @Test
  void strsBuiltInBlocksThatHeldOtherTextAreExactlyTheirChars() {
    String program = String.join("\n",
        "import gc",
        "def clean(s):",
        "    return s[::-1][::-1]",
        "def dirty():",
        "    junk = []",
        "    k = 0",
        "    while k < 80:",
        "        junk.append('\\xff' * (k % 40 + 1))",
        "        k += 1",
        "t = 'ab,cd,,efg,hijkl,m,xx y  zz,QRSTUVWXYZ'",
        "bad = 0",
        "n = 0",
        "for i in range(len(t) + 1):",
        "    dirty()",
        "    gc.collect()",
        "    for j in range(i, len(t) + 1):",
        "        s = t[i:j]",
        "        got = [s, s.upper(), s.lower(), s + 'x', 'y' + s, s + s, '%s!%d' % (s, j * 1001),",
        "               s.replace(',', ';;'), s.replace(',', ''), '-'.join(s.split(',')), str(j * 10007)]",
        "        got.extend(s.split(','))",
        "        got.extend(s.split())",
        "        for g in got:",
        "            c = clean(g)",
        "            n += 1",
        "            if g != c or len(g) != len(c) or hash(g) != hash(c) or not {c: 1}.get(g):",
        "                bad += 1",
        "                print(i, j, repr(g))",
        "print('bad', bad, n > 10000)",
        "");
    assertEquals("bad 0 True\n", Py.out(program));
    assertEquals("bad 0 True\n", Py.run(program, Vm.builder().heapBytes(64 << 10)).out());
  }
  /**
   * {@code split()} skips the words with no whitespace in them four chars at a time
   * (Strs#nextSpaceLatin1): every cut of texts with each whitespace char of Latin-1 (the controls,
   * U+0085 and the no-break space among them) and other chars above 127, against a reference that
   * looks at each char. Checked with CPython 3.11 too.
   */
  @Test
  void splitOnWhitespaceSeesEveryWhitespaceCharAtEveryOffset() {
    String program = REFERENCES + String.join("\n",
        "texts = ['abcdefgh ijklmnop\\tq', 'x\\xa0y\\x85z\\x1cw\\x1f', '  lead and trail  ',",
        "         'caf\\xe9 cr\\xe8me  br\\xfbl\\xe9e', 'one\\x0btwo\\x0cthree\\rfour\\nfive', 'nospaces!~~\\x7f\\x80\\xff!!']",
        "bad = 0",
        "n = 0",
        "for t in texts:",
        "    for i in range(len(t) + 1):",
        "        for j in range(i, len(t) + 1):",
        "            if t[i:j].split() != ref_words(t[i:j]):",
        "                bad += 1",
        "            n += 1",
        "print(bad, n)",
        "");
    assertEquals("0 1088\n", Py.out(program));
  }
}
