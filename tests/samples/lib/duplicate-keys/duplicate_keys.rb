# Print, as JSON, the keys repeated in a hash literal or in keyword-style arguments.
# Reads Ruby source on stdin. Output: [{"key", "line", "firstLine"}, ...].
require "json"
require "ripper"

# A comparable name and the line for a literal key; nil for computed keys.
# Symbols and strings stay distinct, as they are for Ruby ("a" and :a are two keys).
def key_of(node)
  case node
  in [:@label, label, [line, _]] then ["symbol #{label.delete_suffix(':')}", line]
  in [:symbol_literal, [:symbol, [_, name, [line, _]]]] then ["symbol #{name}", line]
  in [:dyna_symbol, [:string_content, [:@tstring_content, name, [line, _]]]] then ["symbol #{name}", line]
  in [:string_literal, [:string_content, [:@tstring_content, name, [line, _]]]] then ["string #{name}", line]
  in [:@int | :@float, value, [line, _]] then ["number #{value}", line]
  else nil
  end
end

def each_assoc_list(node, &block)
  return unless node.is_a?(Array)

  case node
  in [:assoclist_from_args | :bare_assoc_hash, Array => list] then yield list
  else nil
  end
  node.each { |child| each_assoc_list(child, &block) }
end

tree = Ripper.sexp($stdin.read)
abort "duplicate_keys.rb: the source does not parse" if tree.nil?

duplicates = []
each_assoc_list(tree) do |list|
  first_line = {}
  list.each do |assoc|
    next unless assoc in [:assoc_new, key_node, _]

    key, line = key_of(key_node)
    next if key.nil?

    if first_line.key?(key)
      duplicates << { key: key, line: line, firstLine: first_line[key] }
    else
      first_line[key] = line
    end
  end
end
puts JSON.generate(duplicates)
