"""Float arithmetic: the Jovian planets orbiting the sun, advanced with a symplectic Euler step.

Bodies are plain lists [x, y, z, vx, vy, vz, mass] so the loop is float arithmetic and list
indexing. The energy of the system is the self-check: -0.169075164 before and -0.169087605
after 1000 steps of 0.01 (the classic figures), and it must stay within 1e-4 for any workload.
"""
import harness

PI = 3.141592653589793
SOLAR_MASS = 4.0 * PI * PI
DAYS_PER_YEAR = 365.24


def make_system():
    sun = [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS]
    jupiter = [4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
               1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
               -6.90460016972063023e-05 * DAYS_PER_YEAR, 9.54791938424326609e-04 * SOLAR_MASS]
    saturn = [8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
              -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
              2.30417297573763929e-05 * DAYS_PER_YEAR, 2.85885980666130812e-04 * SOLAR_MASS]
    uranus = [1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
              2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
              -2.96589568540237556e-05 * DAYS_PER_YEAR, 4.36624404335156298e-05 * SOLAR_MASS]
    neptune = [1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
               2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
               -9.51592254519715870e-05 * DAYS_PER_YEAR, 5.15138902046611451e-05 * SOLAR_MASS]
    return [sun, jupiter, saturn, uranus, neptune]


def offset_momentum(bodies):
    px = 0.0
    py = 0.0
    pz = 0.0
    for b in bodies:
        px += b[3] * b[6]
        py += b[4] * b[6]
        pz += b[5] * b[6]
    sun = bodies[0]
    sun[3] = -px / SOLAR_MASS
    sun[4] = -py / SOLAR_MASS
    sun[5] = -pz / SOLAR_MASS


def energy(bodies):
    e = 0.0
    count = len(bodies)
    i = 0
    while i < count:
        a = bodies[i]
        e += 0.5 * a[6] * (a[3] * a[3] + a[4] * a[4] + a[5] * a[5])
        j = i + 1
        while j < count:
            b = bodies[j]
            dx = a[0] - b[0]
            dy = a[1] - b[1]
            dz = a[2] - b[2]
            e -= a[6] * b[6] / (dx * dx + dy * dy + dz * dz) ** 0.5
            j += 1
        i += 1
    return e


def advance(bodies, dt, steps):
    count = len(bodies)
    step = 0
    while step < steps:
        i = 0
        while i < count:
            a = bodies[i]
            ax = a[0]
            ay = a[1]
            az = a[2]
            ma = a[6]
            j = i + 1
            while j < count:
                b = bodies[j]
                dx = ax - b[0]
                dy = ay - b[1]
                dz = az - b[2]
                d2 = dx * dx + dy * dy + dz * dz
                mag = dt / (d2 * d2 ** 0.5)
                mb = b[6] * mag
                a[3] -= dx * mb
                a[4] -= dy * mb
                a[5] -= dz * mb
                mb = ma * mag
                b[3] += dx * mb
                b[4] += dy * mb
                b[5] += dz * mb
                j += 1
            i += 1
        for b in bodies:
            b[0] += dt * b[3]
            b[1] += dt * b[4]
            b[2] += dt * b[5]
        step += 1


def run(steps):
    bodies = make_system()
    offset_momentum(bodies)
    before = energy(bodies)
    advance(bodies, 0.01, steps)
    return (before, energy(bodies))


# Energy after the steps, to 9 decimals (1000 steps is the classic figure).
EXPECTED = {100: -0.169050762, 1000: -0.169087605, 50000: -0.169078071}


def check(steps, result):
    before = result[0]
    after = result[1]
    if abs(before - -0.169075164) > 1e-9:
        return "initial energy %.9f, expected -0.169075164" % before
    if steps in EXPECTED and abs(after - EXPECTED[steps]) > 1e-9:
        return "energy %.9f after %d steps, expected %.9f" % (after, steps, EXPECTED[steps])
    if abs(after - before) > 1e-4:
        return "energy drifted from %.9f to %.9f" % (before, after)
    return None


harness.bench("nbody", {"tiny": 100, "small": 1000, "default": 50000}, run, check)
