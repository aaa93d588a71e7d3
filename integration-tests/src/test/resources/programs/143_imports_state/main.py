# module state: a module body runs once however often it is imported; module globals are shared
print("main starts")
import registry
import plugin_a
import plugin_b
import registry as again

print(registry.names(), again is registry)
registry.LIMIT = 2
print(plugin_a.try_register("late"), registry.names())
print(registry.load_count)


def use_inside_function():
    import registry as r
    return r.names()[0]


print(use_inside_function())
