# primes: sieve, trial division, factorisation, with 64-bit values


def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = False
    is_p[1] = False
    i = 2
    while i * i <= n:
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
        i += 1
    primes = []
    for k in range(n + 1):
        if is_p[k]:
            primes.append(k)
    return primes


def factor(n):
    out = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1 if d == 2 else 2
    if n > 1:
        out.append(n)
    return out


def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


def mulmod(a, b, m):
    result = 0
    a %= m
    while b > 0:
        if b & 1:
            result = (result + a) % m
        a = (a * 2) % m
        b >>= 1
    return result


def powmod(b, e, m):
    result = 1
    b %= m
    while e > 0:
        if e & 1:
            result = mulmod(result, b, m)
        b = mulmod(b, b, m)
        e >>= 1
    return result


p = sieve(200)
print(len(p), p[:10], p[-3:])
print(len(sieve(10000)), sum(sieve(1000)))
print(factor(360), factor(97), factor(2 ** 31 - 1), factor(600851475143), factor(1073741824))
print([n for n in range(1073741780, 1073741830) if is_prime(n)])
print(is_prime(2147483647), is_prime(4294967297), factor(4294967297))
print(powmod(2, 10, 1000), powmod(3, 200, 1000000007), pow(3, 200, 1000000007))
m = 4611686018427387847
print(powmod(2, m - 1, m), powmod(5, 12345, m) == pow(5, 12345, m))
