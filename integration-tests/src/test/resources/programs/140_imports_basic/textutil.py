# helper module for 140_imports_basic
SEPARATOR = "/"


def shout(s):
    return s.upper() + "!"


def count_words(s):
    return len(s.split())
