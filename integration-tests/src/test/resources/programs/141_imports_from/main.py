# from-imports: names, aliases, several names in one statement, parenthesised lists
from shapes import area_rect, area_circle as circle
from shapes import (Rect,
                    UNIT)
from shapes import describe, COUNTER_START, VERSION as V

print(area_rect(2, 3), circle(1.0), UNIT, V)
r = Rect(4, 5)
print(r.area(), describe(r), isinstance(r, Rect))
print(COUNTER_START + 1)
