<?php

// Print, as JSON, what a PHP sample does with objects: the method-call chains it evaluates and the
// variables it binds them to, in source order. Reads PHP source on stdin. The TypeScript side
// (sdk-calls.ts) gives those chains types from surface.md and reports calls the SDK does not have.
// Like duplicate_keys.php, this walks PhpToken tokens (PHP has no built-in AST API).
//
// Output: {"statements": [...]} where a statement is
//   {"kind": "assign", "var", "value": chain|null, "line"}     $var = <chain>;  (null: any other value)
//   {"kind": "foreach", "var", "value": chain, "line"}          foreach (<chain> as $var)
//   {"kind": "catch", "var", "classes": [name], "line"}         catch (A | B $var)
//   {"kind": "class", "name", "line"}                           a fully qualified class name used
//   {"kind": "expr", "value": chain, "line"}                    every chain, wherever it appears
// and a chain is {"root": {"var": name} | {"new": class, "argc"}, "links": [link]} with links
//   {"call": method, "argc", "line"} | {"property": name, "line"} | {"index": true}.

declare(strict_types=1);

$tokens = array_values(array_filter(
    PhpToken::tokenize(stream_get_contents(STDIN)),
    fn (PhpToken $token): bool => !$token->isIgnorable(),
));

const NAME_TOKENS = [T_STRING, T_NAME_QUALIFIED, T_NAME_FULLY_QUALIFIED];

/** Short names imported with "use", to their fully qualified names. */
$imports = [];

function resolveClass(string $name, array $imports): string
{
    if ($name[0] === '\\') {
        return substr($name, 1);
    }
    $first = explode('\\', $name)[0];
    if (isset($imports[$first])) {
        return $imports[$first] . substr($name, strlen($first));
    }
    return $name;
}

/** The index just past the bracket group that opens at $i, and the number of arguments in it. */
function skipGroup(array $tokens, int $i): array
{
    $depth = 0;
    $commas = 0;
    $empty = true;
    for ($j = $i; $j < count($tokens); $j++) {
        $token = $tokens[$j];
        if ($token->is(['(', '[', '{', T_CURLY_OPEN, T_DOLLAR_OPEN_CURLY_BRACES])) {
            $depth++;
            if ($depth === 1) {
                continue;
            }
        } elseif ($token->is([')', ']', '}'])) {
            $depth--;
            if ($depth === 0) {
                return [$j + 1, $empty ? 0 : $commas + 1];
            }
        } elseif ($depth === 1 && $token->is(',')) {
            // A trailing comma before ")" does not start an argument.
            $next = $tokens[$j + 1] ?? null;
            if ($next !== null && !$next->is(')')) {
                $commas++;
            }
            continue;
        }
        $empty = false;
    }
    return [count($tokens), $empty ? 0 : $commas + 1];
}

/** The chain that starts at $i (a variable or "new"), and the index just past it; null if none. */
function readChain(array $tokens, int $i, array $imports): ?array
{
    $token = $tokens[$i];
    if ($token->is(T_VARIABLE)) {
        $root = ['var' => substr($token->text, 1)];
        $j = $i + 1;
    } elseif ($token->is(T_NEW) && ($tokens[$i + 1] ?? null)?->is(NAME_TOKENS)) {
        $j = $i + 2;
        $argc = 0;
        if (($tokens[$j] ?? null)?->is('(')) {
            [$j, $argc] = skipGroup($tokens, $j);
        }
        $root = ['new' => resolveClass($tokens[$i + 1]->text, $imports), 'argc' => $argc];
    } else {
        return null;
    }
    $links = [];
    while ($j < count($tokens)) {
        if ($tokens[$j]->is([T_OBJECT_OPERATOR, T_NULLSAFE_OBJECT_OPERATOR]) && ($tokens[$j + 1] ?? null)?->is(T_STRING)) {
            $name = $tokens[$j + 1]->text;
            $line = $tokens[$j + 1]->line;
            if (($tokens[$j + 2] ?? null)?->is('(')) {
                [$j, $argc] = skipGroup($tokens, $j + 2);
                $links[] = ['call' => $name, 'argc' => $argc, 'line' => $line];
            } else {
                $links[] = ['property' => $name, 'line' => $line];
                $j += 2;
            }
        } elseif ($tokens[$j]->is('[')) {
            [$j] = skipGroup($tokens, $j);
            $links[] = ['index' => true];
        } else {
            break;
        }
    }
    return [['root' => $root, 'links' => $links], $j];
}

$statements = [];
foreach ($tokens as $i => $token) {
    $previous = $tokens[$i - 1] ?? null;
    if ($token->is(T_USE) && ($tokens[$i + 1] ?? null)?->is(NAME_TOKENS) && ($tokens[$i + 2] ?? null)?->is([';', T_AS])) {
        $name = ltrim($tokens[$i + 1]->text, '\\');
        $alias = $tokens[$i + 2]->is(T_AS) ? $tokens[$i + 3]->text : substr(strrchr('\\' . $name, '\\'), 1);
        $imports[$alias] = $name;
        $statements[] = ['kind' => 'class', 'name' => $name, 'line' => $token->line];
        continue;
    }
    if ($token->is(T_CATCH)) {
        $classes = [];
        for ($j = $i + 2; $j < count($tokens) && !$tokens[$j]->is(T_VARIABLE); $j++) {
            if ($tokens[$j]->is(NAME_TOKENS)) {
                $classes[] = resolveClass($tokens[$j]->text, $imports);
            }
        }
        $statements[] = ['kind' => 'catch', 'var' => substr($tokens[$j]->text, 1), 'classes' => $classes, 'line' => $token->line];
        continue;
    }
    // A chain starts at a variable or "new", unless the variable is itself a property ($a->$b).
    if ($previous?->is([T_OBJECT_OPERATOR, T_NULLSAFE_OBJECT_OPERATOR]) === true) {
        continue;
    }
    $read = readChain($tokens, $i, $imports);
    if ($read === null) {
        continue;
    }
    [$chain, $end] = $read;
    if ($token->is(T_VARIABLE) && $chain['links'] === [] && ($tokens[$i + 1] ?? null)?->is('=')) {
        // "$var = <value>;": bound to the value when the value is one whole chain.
        $value = readChain($tokens, $i + 2, $imports);
        $whole = $value !== null && ($tokens[$value[1]] ?? null)?->is(';') === true;
        $statements[] = ['kind' => 'assign', 'var' => $chain['root']['var'], 'value' => $whole ? $value[0] : null, 'line' => $token->line];
        continue;
    }
    if (($tokens[$end] ?? null)?->is(T_AS) && ($tokens[$end + 1] ?? null)?->is(T_VARIABLE)) {
        $statements[] = ['kind' => 'foreach', 'var' => substr($tokens[$end + 1]->text, 1), 'value' => $chain, 'line' => $token->line];
    }
    if ($chain['links'] !== [] || isset($chain['root']['new'])) {
        $statements[] = ['kind' => 'expr', 'value' => $chain, 'line' => $token->line];
    }
}

echo json_encode(['statements' => $statements]), PHP_EOL;
