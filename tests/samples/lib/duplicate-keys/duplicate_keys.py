"""Print, as JSON, the keys repeated in a dict or in keyword arguments.

Reads Python source on stdin.
Output: [{"key", "line", "firstLine"}, ...].
"""

import ast
import json
import sys


def repeated(named_nodes):
    """Yield a report for each (name, node) whose name was seen."""
    first_line = {}
    for name, node in named_nodes:
        if name in first_line:
            yield {"key": repr(name), "line": node.lineno,
                   "firstLine": first_line[name]}
        else:
            first_line[name] = node.lineno


def literal_keys(dict_node):
    """Yield (value, node) for each constant key of a dict display."""
    for key in dict_node.keys:
        if isinstance(key, ast.Constant):
            yield key.value, key


def main():
    tree = ast.parse(sys.stdin.read())
    duplicates = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            duplicates.extend(repeated(literal_keys(node)))
        elif isinstance(node, ast.Call):
            keywords = ((kw.arg, kw) for kw in node.keywords if kw.arg)
            duplicates.extend(repeated(keywords))
    json.dump(duplicates, sys.stdout)


main()
