# helper module for 143_imports_state
import registry
import plugin_a

print("plugin_b body runs")
registry.register("b")
registry.load_count += 1
