# helper module for 143_imports_state
import registry

print("plugin_a body runs")
registry.register("a")


def try_register(name):
    return registry.register(name)
