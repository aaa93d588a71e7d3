# modules in a sub-folder (a package without __init__.py): import pkg.mod as m, from pkg import mod
import geometry.vectors as vec
from geometry import matrices
from geometry.vectors import dot

a = vec.Vector(1, 2)
b = vec.Vector(3, 4)
print(vec.add(a, b).as_list(), dot(a, b), vec.ORIGIN.as_list())
m = matrices.identity(3)
print(m)
print(matrices.mul_vec(m, [7, 8, 9]), matrices.mul_vec([[0, 1], [1, 0]], [5, 6]))
print(matrices.transpose([[1, 2, 3], [4, 5, 6]]))
