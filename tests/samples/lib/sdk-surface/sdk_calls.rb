# Print, as JSON, what a Ruby sample does with objects: the method-call chains it evaluates and the
# variables it binds them to, in source order. Reads Ruby source on stdin. The TypeScript side
# (sdk-calls.ts) gives those chains types from surface.md and reports calls the SDK does not have.
# Parsed with Ripper, as duplicate_keys.rb is.
#
# Output: {"statements": [...]}, statements and chains as in sdk_calls.php, plus
#   {"kind": "destructure", "vars": [name], "value": chain, "line"}   a, b = <chain>
#   {"kind": "foreach", ...}: the first parameter of a block given to <chain>.method
# and chain roots {"var": name} | {"const": "A::B"}; "arrayMethods" and "objectMethods" list the
# methods of Ruby's own Array and Object.
require "json"
require "ripper"

# "A::B::C" for a constant reference, nil for anything else.
def const_name(node)
  case node
  in [:var_ref | :top_const_ref, [:@const, name, _]] then name
  in [:const_path_ref, parent, [:@const, name, _]]
    parent_name = const_name(parent)
    parent_name && "#{parent_name}::#{name}"
  else nil
  end
end

def arg_count(args)
  case args
  in nil | [] then 0
  in [:arg_paren, inner] then arg_count(inner)
  in [:args_add_block, list, _] then list.length
  in Array if args.first.is_a?(Array) then args.length
  else 0
  end
end

def line_of(ident)
  ident[2][0]
end

# The chain a node evaluates, or nil when it is not one.
def chain(node)
  if (name = const_name(node))
    return { root: { const: name }, links: [] }
  end

  case node
  in [:var_ref | :vcall, [:@ident, name, _]] then { root: { var: name }, links: [] }
  in [:call, receiver, _, [:@ident | :@const, name, _] => ident] then with_link(receiver, { call: name, argc: 0, line: line_of(ident) })
  in [:method_add_arg, [:call, receiver, _, [:@ident | :@const, name, _] => ident], args]
    with_link(receiver, { call: name, argc: arg_count(args), line: line_of(ident) })
  in [:command_call, receiver, _, [:@ident | :@const, name, _] => ident, args]
    with_link(receiver, { call: name, argc: arg_count(args), line: line_of(ident) })
  in [:method_add_block, call, _] then chain(call)
  in [:aref, receiver, _] then with_link(receiver, { index: true })
  else nil
  end
end

def with_link(receiver, link)
  base = chain(receiver)
  base && { root: base[:root], links: base[:links] + [link] }
end

def first_line(node)
  return nil unless node.is_a?(Array)
  return node[2][0] if node[0].is_a?(Symbol) && node[0].to_s.start_with?("@") && node[2].is_a?(Array)

  node.each do |child|
    line = first_line(child)
    return line if line
  end
  nil
end

def local_name(node)
  case node
  in [:var_field, [:@ident, name, _]] then name
  else nil
  end
end

# The classes a rescue clause names: one constant, or several.
def exceptions_of(node)
  return [node] if const_name(node)

  case node
  in [:mrhs_new_from_args, Array => first, *rest] then first + rest
  in Array if node.first.is_a?(Array) then node
  else []
  end
end

# The chain a block's method is called on: the list whose elements the block receives.
def block_receiver(call)
  case call
  in [:call | :command_call, receiver, *] then chain(receiver)
  in [:method_add_arg, [:call, receiver, *], *] then chain(receiver)
  else nil
  end
end

def walk(node, statements)
  return unless node.is_a?(Array)

  case node
  in [:assign, target, value] if local_name(target)
    statements << { kind: "assign", var: local_name(target), value: chain(value), line: first_line(target) }
  in [:massign, Array => targets, value] if targets.all? { |target| local_name(target) }
    statements << { kind: "destructure", vars: targets.map { |target| local_name(target) }, value: chain(value), line: first_line(node) }
  in [:rescue, exceptions, target, *] if local_name(target)
    list = exceptions_of(exceptions)
    statements << { kind: "catch", var: local_name(target), classes: list.filter_map { |item| const_name(item) }, line: first_line(target) }
  in [:method_add_block, call, [:do_block | :brace_block, [:block_var, [:params, [[:@ident, name, _], *], *], *], *]]
    receiver = block_receiver(call)
    statements << { kind: "foreach", var: name, value: receiver, line: first_line(node) } if receiver
  else nil
  end

  found = chain(node)
  if found && (found[:links].any? || found[:root][:const])
    statements << if found[:links].empty?
                    { kind: "class", name: found[:root][:const], line: first_line(node) }
                  else
                    { kind: "expr", value: found, line: first_line(node) }
                  end
  end
  # The :call inside a method_add_arg is the same call without its arguments: walk past it.
  children = case node
             in [:method_add_arg, [:call, receiver, *], args] then [receiver, args]
             else node
             end
  children.each { |child| walk(child, statements) }
end

tree = Ripper.sexp($stdin.read)
abort "sdk_calls.rb: the source does not parse" if tree.nil?

statements = []
walk(tree, statements)
# Any Array or Object method is Ruby's own, not the SDK's: the TypeScript side needs the lists.
puts JSON.generate({
  statements: statements,
  arrayMethods: Array.public_instance_methods.map(&:to_s),
  objectMethods: Object.public_instance_methods.map(&:to_s)
})
