# Formatting cases for FormattingCPythonTest: every % format, format spec and str.format template
# below applied to every value, one output line each, errors as 'Type: message'. cases.exp is
# CPython 3.11's output; after a change here, regenerate it with CPython 3.11 and review the diff:
#     python3 cases.py > cases.exp
# The random floats are drawn at run time from a seeded random (zvm's is CPython's MT19937) and
# built with exact operations only, so both draw the same doubles; each value's repr heads its lines.
import random
import struct


def err(e):
    return type(e).__name__ + ': ' + str(e)


def from_bits(hi, lo):
    return struct.unpack('<d', struct.pack('<II', lo, hi))[0]


def power_of_two(k):  # -1022 <= k <= 1023, exactly
    return from_bits((k + 1023) << 20, 0)


EDGES = [0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, -0.125, 2.675, 1.005, 0.05, 0.15, 0.25, 0.35,
         99.995, 9.9999995, 0.1, 1 / 3, 2 / 3, 123456789.125, 1e22, 1e23, -1e22, 1e16, 1e15 + 0.5,
         9007199254740993.0, 9223372036854775808.0, -9223372036854775808.0, 18446744073709551616.0, 1e-5,
         1e-4, 0.0001234, 123456.5, 1234567.0, 5e-324, -5e-324, 2.2250738585072014e-308,
         2.225073858507201e-308, 1.7976931348623157e308, -1.7976931348623157e308, 1e300, 1e-300, 3.14159,
         -3.14159, 1e100, 0.95, 9.5, 999.5, 1234.5678, 1e-7, 12345678901234567890.0, float('inf'),
         -float('inf'), float('nan')]


def random_floats(count):
    """Doubles of every kind: random bits, short decimals, exact binary ties, subnormals, products."""
    random.seed(0x5EEDF0A7)
    xs = []
    while len(xs) < count:
        k = len(xs) % 6
        if k == 0:
            x = from_bits(random.getrandbits(32), random.getrandbits(32))
        elif k == 1:
            x = float('%de%d' % (random.randrange(1, 100000000), random.randrange(-12, 8)))
        elif k == 2:
            x = (2 * random.getrandbits(40) + 1) / power_of_two(random.randrange(1, 12))
        elif k == 3:
            x = from_bits(random.getrandbits(20), random.getrandbits(32))
        elif k == 4:
            x = random.random() * float('1e%d' % random.randrange(-20, 25))
        else:
            x = random.random() * power_of_two(random.randrange(-1022, 1024))
        if x == x and x != float('inf') and x != -float('inf'):
            xs.append(x if random.random() < 0.5 else -x)
    return xs


F = EDGES + random_floats(48)
I = [0, 1, -1, 7, -7, 42, 65, 255, -255, 1234567, -1234567, 2 ** 30 - 1, 2 ** 30, -2 ** 30, -2 ** 30 - 1,
     2 ** 31, -2 ** 31, 2 ** 31 - 1, 2 ** 53 + 1, 10 ** 18, 2 ** 63 - 1, -(2 ** 63 - 1), -2 ** 62 - 2 ** 62,
     0x1F600, True, False]
S = ['', 'a', 'abc', 'h\u00e9llo', 'snow \u2603', '\U0001F600x', "it's", 'tab\there', 'q"uote',
     'abcdefghij', '\x7f\x00']

PERCENT_FLOAT = ['%f', '%.0f', '%.1f', '%.2f', '%.3f', '%.10f', '%.17f', '%.20f', '%.30f', '%e', '%.0e',
                 '%.1e', '%.3e', '%.10e', '%.16e', '%.17e', '%.25e', '%g', '%.0g', '%.1g', '%.2g', '%.3g',
                 '%.10g', '%.16g', '%.17g', '%.20g', '%.40g', '%G', '%E', '%F', '%#g', '%#.3g', '%#.0f',
                 '%#.0e', '%#.10G', '%+.3f', '% .3f', '%+e', '%010.3f', '%-12.4e|', '%+015.6g', '%012.2f',
                 '%-8.1f|', '%5.2f', '%8.3f', '%s', '%r', '%a', '%d', '%i', '%x', '%c']
PERCENT_FLOAT_LONG = ['%.60f', '%.120e', '%.340f']
PERCENT_INT = ['%d', '%i', '%u', '%5d', '%-5d|', '%05d', '%+d', '% d', '%+05d', '% 5d', '%-+6d|', '%.3d',
               '%08.3d', '%-8.3d|', '%x', '%X', '%#x', '%#X', '%#08x', '%#-8x|', '%o', '%#o', '%#08o', '%.5x',
               '%#.5x', '%+#x', '%c', '%s', '%r', '%a', '%f', '%.2e', '%g', '%10.3f', '%5%', '%z', '%\u00e9']
PERCENT_STR = ['%s', '%r', '%a', '%5s', '%-5s|', '%.2s', '%8.3s', '%-8.3r|', '%c', '%d', '%05s', '%.0s',
               '%f', '%x']
SPEC_FLOAT = ['', '.0', '.1', '.2', '.3', '.5', '.10', '.16', '.17', '.20', 'f', '.0f', '.2f', '.3f',
              '.10f', '.20f', 'e', '.0e', '.2e', '.16e', 'E', 'g', '.0g', '.1g', '.3g', '.10g', '.17g', 'G',
              'F', 'n', '%', '.1%', '.0%', ',', ',.2f', '_.3f', '012,.2f', '0=15,.3f', '*^20,.2f', '>12.4',
              '<12.4e', '=+12.3f', '+', ' ', '-', '+.3e', 'z', 'z.1f', 'z.2e', 'z.0f', 'z.3g', '#', '#.0f',
              '#.0e', '#g', '#.3g', '#.0', '010', '010.3', '^15', '08.2f', 'z=+10.2f', ',.0f', '_e', ',%',
              '0<10', '\u00e9^12.3', 'x', 'd', 's', ',n', '.', '3.2.1', 'abc']
SPEC_INT = ['', 'd', '5d', '<5', '^7', '>7', '=7', '05', '+', '-', ' ', '+08', 'x', 'X', '#x', '#X',
            '#010x', 'o', '#o', 'b', '#b', '_b', '#_b', '_x', '#_x', '_o', ',', '_', ',d', '012,', '0=12,',
            '*^15,', '0^9', 'c', '>4c', '05c', 'e', '.2f', '%', 'g', 'n', '.3', 's', 'z', ',x', '+c', '#c',
            ',c', '_n', ',_', '__', '_,', '.', 'xx', '\u00e9>6', '\U0001F600^5d', '10000000000000000000000']
SPEC_STR = ['', 's', '5', '<5', '>5', '^5', '*^9', '.2', '8.3', '05', '>05', '.0', '\u00e9^7',
            '\U0001F600>4', '=5', '+', ' ', '#', 'z', 'd', ',', '.', 'ss']

# str.format templates; in their arguments 'V' stands for the value, '[V]' for [value, 2], '{V}' for {'k': value}
TEMPLATES = [('{}', ['V'], {}), ('{0}|{0!r}|{0!s}|{0!a}', ['V'], {}), ('{:>12}|{:<12}|{:^12}', ['V', 'V', 'V'], {}),
             ('{0:{1}}', ['V', '>15'], {}), ('{0:{1}{2}}', ['V', '*^', 16], {}), ('{:{}.{}}', ['V', 12, 4], {}),
             ('{x}-{y!r}', [], {'x': 'V', 'y': 'V'}), ('{0[0]}:{0[1]}', ['[V]'], {}), ('{0[k]}', ['{V}'], {}),
             ('{{{}}}', ['V'], {}), ('{!r:>20}', ['V'], {}), ('{:}', ['V'], {}), ('{0!x}', ['V'], {})]
TEMPLATE_VALUES = [0, -7, 255, 2 ** 63 - 1, 2.675, -0.0, 1e22, float('nan'), 'abc', 'h\u00e9llo', True, None]

PERCENT_CASES = [
    ('%s %d %r', ('a', 1, 'b')), ('%(a)s %(b)05.1f %(a)r', {'a': 'x', 'b': 2.25}), ('%(a)s %s', {'a': 1}),
    ('%s %(a)s', {'a': 1}), ('%(a', {'a': 1}), ('%(a)s', (1,)), ('%*d|%-*d|%*s', (5, 1, 5, 2, -6, 'z')),
    ('%.*f', (-1, 1.5)), ('%*.*f', (9, 2, 3.14159)), ('%*s', ('a', 'b')), ('%d %d', (1,)), ('%d', (1, 2)),
    ('%d', ()), ('%s', ()), ('%%', ()), ('%s%%%s', (1, 2)), ('ab%', 1), ('%5%', (1,)), ('%(a)5%', {'a': 1}),
    ('%(a)*d', {'a': 1}), ('%s', [1, 'a']), ('%s', ((1, 2),)), ('%s', {'a': 1}), ('%d', float('inf')),
    ('%d', float('nan')), ('%d', 1e30), ('%i', -1e20), ('%d', -0.5), ('%x', 255.0), ('%c', 'ab'), ('%c', -1),
    ('%c', 1.5), ('%f', 'a'), ('%f', None), ('%hd %ld %Lf', (1, 2, 3.0)), ('%s', None), ('%r', True),
    ('%5s|%-5r|', (None, False)), ('%c%c%c', (72, 'i', 0x1F600)),
]
FORMAT_CASES = [(1, 2), (None, ''), (None, 's'), ([1], '>5'), ([1], None), ('x', None), (2.5, None),
                (-0.0, None)]
STR_FORMAT_CASES = [
    ('{', [], {}), ('}', [], {}), ('{0', [1], {}), ('{0!}', [1], {}), ('{0!rr}', [1], {}), ('{!r:}', [1], {}),
    ('{0}{}', [1, 2], {}), ('{}{0}', [1, 2], {}), ('{2}', [1], {}), ('{x}', [1], {}), ('{0.}', [1], {}),
    ('{0[]}', [[1]], {}), ('{0[0]x}', [[1]], {}), ('{0[0', [[1]], {}), ('{0[0}', [[1]], {}),
    ('{:{:{}}}', [1, 2, 3], {}), ('{:}}', [1], {}), ('{0]}', [1], {}), ('{:{}}{}', [1, 3, 'z'], {}),
    ('{0:{0}}', [5], {}), ('{:{}}', [1, '{}'], {}), ('{a}{b}', [], {'a': 1, 'b': 2.5}),
    ('{0.real}|{0.imag}', [7], {}), ('a{{b}}c{}', [1], {}), ('{0:>{1}}{2}', ['a', 3, 'b'], {}),
]


def apply(how, a, b, c):
    if how == '%':
        return a % b
    if how == 'format':
        return format(a) if b is None else format(a, b)
    return a.format(*b, **c)


def show(label, how, a, b, c):
    try:
        r = apply(how, a, b, c)
    except Exception as e:
        r = err(e)
    print(label, repr(r))


def fill(args, v):
    return [v if a == 'V' else [v, 2] if a == '[V]' else {'k': v} if a == '{V}' else a for a in args]


def grid(how, formats, values):
    for v in values:
        print('value', repr(v))
        for f in formats:
            if how == '%':
                show(repr(f), '%', f, v, None)
            elif how == 'format':
                show(repr(f), 'format', v, f, None)
            else:
                show(repr(f[0]), 'str.format', f[0], fill(f[1], v), {k: fill([a], v)[0] for k, a in f[2].items()})


def fstrings(x, i, s, w, p):
    print(repr(f'{x:>10.3f}|{i:#x}|{s!r:^12}|{x!s}|{x:{w}.{p}}|{s:>{w}}|{x}{i}{s}|{i!s:<4}'))
    print(repr(f'{x:,.2f}|{x:%}|{i:{w}d}|{i:,}|{s!s:*<{w}}{x=}|{x!r:>{w}}{w:{p}}'))


grid('%', PERCENT_FLOAT, F)
grid('%', PERCENT_FLOAT_LONG, F[:40])
grid('%', PERCENT_INT, I)
grid('%', PERCENT_STR, S)
grid('format', SPEC_FLOAT, F)
grid('format', SPEC_INT, I)
grid('format', SPEC_STR, S)
grid('str.format', TEMPLATES, TEMPLATE_VALUES)
print('one-off')
for fmt, args in PERCENT_CASES:
    show(repr(fmt) + ' % ' + repr(args), '%', fmt, args, None)
for v, spec in FORMAT_CASES:
    show('format(' + repr(v) + ', ' + repr(spec) + ')', 'format', v, spec, None)
for fmt, args, kwargs in STR_FORMAT_CASES:
    show(repr(fmt) + '.format(' + repr(args) + ', ' + repr(kwargs) + ')', 'str.format', fmt, args, kwargs)
print('f-strings')
fstrings(2.675, 255, 'h\u00e9', 9, 3)
fstrings(-0.0, -1, '', 12, 1)
fstrings(1e22, 2 ** 63 - 1, 'ab', 5, 0)
