# single inheritance: overriding, extending through Base.method(self), isinstance/issubclass


class Animal:
    kind = "animal"

    def __init__(self, name):
        self.name = name

    def speak(self):
        return "..."

    def describe(self):
        return self.name + " the " + self.kind + " says " + self.speak()


class Dog(Animal):
    kind = "dog"

    def speak(self):
        return "woof"


class Puppy(Dog):
    def __init__(self, name, age):
        Dog.__init__(self, name)
        self.age = age

    def speak(self):
        return Dog.speak(self) + "!" * self.age


class Cat(Animal):
    kind = "cat"

    def speak(self):
        return "meow"

    def describe(self):
        return "[" + Animal.describe(self) + "]"


animals = [Animal("generic"), Dog("rex"), Puppy("bit", 3), Cat("tom")]
for a in animals:
    print(a.describe())
p = animals[2]
print(p.name, p.age, p.kind)
print(isinstance(p, Puppy), isinstance(p, Dog), isinstance(p, Animal), isinstance(p, Cat))
print(issubclass(Puppy, Animal), issubclass(Dog, Puppy), issubclass(Cat, Cat), issubclass(Cat, (Dog, Animal)))
print(isinstance(p, (Cat, Dog)), isinstance(3, (str, int)))


class Base:
    def template(self):
        return "<" + self.hook() + ">"

    def hook(self):
        return "base"


class Derived(Base):
    def hook(self):
        return "derived"


print(Base().template(), Derived().template())


class Shape:
    def area(self):
        raise NotImplementedError("subclass must implement area")


class Sq(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


try:
    Shape().area()
except NotImplementedError as e:
    print("NotImplementedError:", e)
print(Sq(4).area())
