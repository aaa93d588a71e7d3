# if / elif / else, nested conditions, pass


def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        if n % 2 == 0:
            return "medium even"
        else:
            return "medium odd"
    else:
        return "large"


for n in [-5, 0, 3, 42, 77, 1000]:
    print(n, classify(n))


def fizzbuzz(n):
    if n % 15 == 0:
        return "FizzBuzz"
    if n % 3 == 0:
        return "Fizz"
    if n % 5 == 0:
        return "Buzz"
    return str(n)


print(" ".join([fizzbuzz(i) for i in range(1, 21)]))
x = 5
if x:
    pass
else:
    print("not reached")
if x > 3: print("one-line if body")
if []:
    print("empty list is true?")
elif {}:
    print("empty dict is true?")
elif "":
    print("empty str is true?")
else:
    print("all empty containers are false")
grade = 73
letter = "A" if grade >= 90 else "B" if grade >= 80 else "C" if grade >= 70 else "F"
print(letter)
