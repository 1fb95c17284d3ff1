// Command duplicate_keys prints, as JSON, the keys repeated in a composite literal
// (struct fields or map keys). It reads Go source on stdin.
// Output: [{"key", "line", "firstLine"}, ...].
package main

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"log"
	"os"
)

type duplicate struct {
	Key       string `json:"key"`
	Line      int    `json:"line"`
	FirstLine int    `json:"firstLine"`
}

func main() {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "stdin.go", os.Stdin, parser.AllErrors)
	if err != nil {
		log.Fatal(err)
	}

	duplicates := []duplicate{}
	ast.Inspect(file, func(node ast.Node) bool {
		literal, ok := node.(*ast.CompositeLit)
		if !ok {
			return true
		}
		firstLine := map[string]int{}
		for _, element := range literal.Elts {
			pair, ok := element.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			key := types.ExprString(pair.Key)
			line := fset.Position(pair.Key.Pos()).Line
			if first, seen := firstLine[key]; seen {
				duplicates = append(duplicates, duplicate{Key: key, Line: line, FirstLine: first})
			} else {
				firstLine[key] = line
			}
		}
		return true
	})

	if err := json.NewEncoder(os.Stdout).Encode(duplicates); err != nil {
		log.Fatal(err)
	}
}
