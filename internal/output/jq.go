package output

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/itchyny/gojq"
)

// ParseJQ compiles a --jq expression, so a bad one is a usage error before any request is sent.
func ParseJQ(expr string) (*gojq.Code, error) {
	q, err := gojq.Parse(expr)
	if err != nil {
		return nil, fmt.Errorf("invalid --jq expression: %w", err)
	}
	code, err := gojq.Compile(q)
	if err != nil {
		return nil, fmt.Errorf("invalid --jq expression: %w", err)
	}
	return code, nil
}

// runJQ applies expr to v (through its JSON form, so Google's field names apply) and prints each result:
// strings raw (like jq -r), everything else as indented JSON.
func runJQ(out io.Writer, expr string, v any) error {
	code, err := ParseJQ(expr)
	if err != nil {
		return err
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	var doc any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return err
	}
	iter := code.Run(doc)
	for {
		res, ok := iter.Next()
		if !ok {
			return nil
		}
		if err, isErr := res.(error); isErr {
			if _, halted := err.(*gojq.HaltError); halted {
				return nil
			}
			return fmt.Errorf("--jq: %w", err)
		}
		if s, isString := res.(string); isString {
			if _, err := fmt.Fprintln(out, s); err != nil {
				return err
			}
			continue
		}
		if err := writeJSON(out, res); err != nil {
			return err
		}
	}
}
