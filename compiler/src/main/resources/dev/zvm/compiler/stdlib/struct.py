# Packing values into bytes and back, with CPython's format language (byte order and size
# prefixes @ = < > !, codes x c b B ? h H i I l L q Q n N P f d s p). The native mode (@, the
# default) is the 32-bit little-endian MCU: l and L are 4 bytes, numbers aligned to their size.

new_exception(StructError, Exception)

@native("struct.pack")
def pack(fmt, *values): pass

@native("struct.pack_into")
def pack_into(fmt, buffer, offset, *values): pass

@native("struct.unpack")
def unpack(fmt, buffer): pass

@native("struct.unpack_from")
def unpack_from(fmt, buffer, offset=0): pass

@native("struct.calcsize")
def calcsize(fmt): pass
