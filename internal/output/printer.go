package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// Format is an output mode.
type Format int

// The output modes.
const (
	FormatTable Format = iota // aligned columns, for a person at a terminal
	FormatPlain               // TSV with a header row, no colour: for cut, awk and friends
	FormatJSON                // Google's resource shapes, optionally filtered by --jq
)

// Table is what a command shows in table and plain modes: a header and rows of cells.
type Table struct {
	Header []string
	Rows   [][]string
}

// AddRow appends a row.
func (t *Table) AddRow(cells ...string) { t.Rows = append(t.Rows, cells) }

// Printer writes command results in the chosen format.
type Printer struct {
	IO     *IOStreams
	Format Format
	JQ     string // a jq expression applied to the JSON output, "" for none
}

// List prints a list result. In JSON mode: {"<key>":[...],"nextPageToken":"..."} (the token omitted when
// empty, as Google does). In table/plain mode: the table, and the next page token as a hint on stderr.
func (p *Printer) List(key string, items any, nextPageToken string, table *Table) error {
	if p.Format == FormatJSON {
		doc := map[string]any{key: emptyIfNil(items)}
		if nextPageToken != "" {
			doc["nextPageToken"] = nextPageToken
		}
		return p.JSON(doc)
	}
	if err := p.Table(table); err != nil {
		return err
	}
	if nextPageToken != "" {
		p.Hintf("more results: add --page %s (or --all-pages)", nextPageToken)
	}
	return nil
}

// Resource prints one resource: as JSON in JSON mode, else as the given table (typically field/value rows).
func (p *Printer) Resource(v any, table *Table) error {
	if p.Format == FormatJSON {
		return p.JSON(v)
	}
	return p.Table(table)
}

// JSON writes v as indented JSON, or the results of the --jq expression applied to it.
func (p *Printer) JSON(v any) error {
	if p.JQ != "" {
		return runJQ(p.IO.Out, p.JQ, v)
	}
	return writeJSON(p.IO.Out, v)
}

// Table writes t aligned (table mode) or as TSV (plain mode).
func (p *Printer) Table(t *Table) error {
	if t == nil {
		return nil
	}
	if p.Format == FormatPlain {
		return writeTSV(p.IO.Out, t)
	}
	w := tabwriter.NewWriter(p.IO.Out, 0, 4, 2, ' ', 0)
	if len(t.Header) > 0 {
		head := make([]string, len(t.Header))
		for i, h := range t.Header {
			head[i] = p.IO.Bold(h)
		}
		fmt.Fprintln(w, strings.Join(head, "\t"))
	}
	for _, row := range t.Rows {
		fmt.Fprintln(w, strings.Join(cleanCells(row), "\t"))
	}
	return w.Flush()
}

// Hintf writes a hint for a person to stderr.
func (p *Printer) Hintf(format string, args ...any) {
	fmt.Fprintf(p.IO.ErrOut, format+"\n", args...)
}

func writeTSV(out io.Writer, t *Table) error {
	var b bytes.Buffer
	if len(t.Header) > 0 {
		b.WriteString(strings.Join(cleanCells(t.Header), "\t"))
		b.WriteByte('\n')
	}
	for _, row := range t.Rows {
		b.WriteString(strings.Join(cleanCells(row), "\t"))
		b.WriteByte('\n')
	}
	_, err := out.Write(b.Bytes())
	return err
}

// cleanCells keeps one record per line and one cell per column: tabs and newlines inside a value become spaces.
func cleanCells(row []string) []string {
	out := make([]string, len(row))
	for i, c := range row {
		out[i] = strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' {
				return ' '
			}
			return r
		}, c)
	}
	return out
}

func writeJSON(out io.Writer, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	raw := b.Bytes()
	// Google's generated types marshal themselves with encoding/json's default, which writes <, > and & as
	// \u003c, \u003e and \u0026; a person or jq reading the output wants the characters. Re-encoding through a
	// generic value (numbers kept exact) is the one safe way to undo it: a text replace could break a string
	// that contains a literal backslash.
	if bytes.Contains(raw, []byte(`\u003c`)) || bytes.Contains(raw, []byte(`\u003e`)) || bytes.Contains(raw, []byte(`\u0026`)) {
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		var generic any
		if err := dec.Decode(&generic); err == nil {
			b.Reset()
			if err := enc.Encode(generic); err != nil {
				return err
			}
			raw = b.Bytes()
		}
	}
	_, err := out.Write(raw)
	return err
}

// emptyIfNil makes a nil slice print as [] rather than null, so scripts can always iterate.
func emptyIfNil(items any) any {
	if items == nil {
		return []any{}
	}
	b, err := json.Marshal(items)
	if err == nil && string(b) == "null" {
		return []any{}
	}
	return items
}
