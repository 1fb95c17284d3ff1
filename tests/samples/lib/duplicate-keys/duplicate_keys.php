<?php

// Print, as JSON, the literal keys repeated in an array literal ([...] or array(...)).
// Reads PHP source on stdin. Output: [{"key", "line", "firstLine"}, ...].
// PHP has no built-in AST API, so this walks the tokens and tracks bracket nesting.

declare(strict_types=1);

// Tokens after which "[" indexes a value instead of opening an array literal.
const INDEXABLE = [T_VARIABLE, T_STRING, T_NAME_QUALIFIED, T_NAME_FULLY_QUALIFIED, T_NAME_RELATIVE,
    T_CONSTANT_ENCAPSED_STRING, ']', ')', '}'];

/** The key PHP would store: numeric strings become integers, so '1' and 1 collide. */
function normalizedKey(PhpToken $token): ?string
{
    if ($token->is(T_LNUMBER)) {
        return 'int ' . intval($token->text, 0);
    }
    if ($token->is(T_CONSTANT_ENCAPSED_STRING)) {
        $value = stripcslashes(substr($token->text, 1, -1));
        return preg_match('/^(0|-?[1-9][0-9]*)$/', $value) === 1 ? "int $value" : "string $value";
    }
    return null;
}

$tokens = array_values(array_filter(
    PhpToken::tokenize(stream_get_contents(STDIN)),
    fn (PhpToken $token): bool => !$token->isIgnorable(),
));

$open = [];         // one entry per open bracket: ['isArray' => bool, 'keys' => [key => line]]
$duplicates = [];
foreach ($tokens as $i => $token) {
    $previous = $tokens[$i - 1] ?? null;
    if ($token->is('[')) {
        $open[] = ['isArray' => $previous === null || !$previous->is(INDEXABLE), 'keys' => []];
    } elseif ($token->is(['(', '{', T_CURLY_OPEN, T_DOLLAR_OPEN_CURLY_BRACES])) {
        $open[] = ['isArray' => $token->is('(') && $previous?->is(T_ARRAY) === true, 'keys' => []];
    } elseif ($token->is([')', ']', '}'])) {
        array_pop($open);
    } elseif ($token->is(T_DOUBLE_ARROW) && $open !== [] && $open[count($open) - 1]['isArray']) {
        // Only a key that is a lone literal: "[", "(" or "," right before it.
        $beforeKey = $tokens[$i - 2] ?? null;
        $key = $previous === null ? null : normalizedKey($previous);
        if ($key === null || $beforeKey === null || !$beforeKey->is(['[', '(', ','])) {
            continue;
        }
        $current = &$open[count($open) - 1];
        if (isset($current['keys'][$key])) {
            $duplicates[] = ['key' => $key, 'line' => $previous->line, 'firstLine' => $current['keys'][$key]];
        } else {
            $current['keys'][$key] = $previous->line;
        }
        unset($current);
    }
}

echo json_encode($duplicates), PHP_EOL;
