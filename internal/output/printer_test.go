package output

import (
	"strings"
	"testing"
)

func TestListJSONHasItemsKeyAndTokenOnlyWhenThereIsANextPage(t *testing.T) {
	t.Parallel()
	ios, _, out, _ := Test()
	p := &Printer{IO: ios, Format: FormatJSON}
	var none []string
	if err := p.List("events", none, "", nil); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(strings.Fields(out.String()), ""); got != `{"events":[]}` {
		t.Fatalf("empty list: %s", out.String())
	}
	out.Reset()
	_ = p.List("events", []string{"a"}, "tok", nil)
	if got := strings.Join(strings.Fields(out.String()), ""); got != `{"events":["a"],"nextPageToken":"tok"}` {
		t.Fatalf("list: %s", out.String())
	}
}

func TestTablePageTokenHintGoesToStderrNotStdout(t *testing.T) {
	t.Parallel()
	ios, _, out, errOut := Test()
	p := &Printer{IO: ios, Format: FormatPlain}
	tbl := &Table{Header: []string{"A", "B"}}
	tbl.AddRow("x\ty", "multi\nline")
	_ = p.List("things", nil, "next-tok", tbl)
	if out.String() != "A\tB\nx y\tmulti line\n" {
		t.Fatalf("TSV must keep one record per line and one cell per column: %q", out.String())
	}
	if !strings.Contains(errOut.String(), "--page next-tok") || strings.Contains(out.String(), "next-tok") {
		t.Fatalf("hint: stdout %q stderr %q", out.String(), errOut.String())
	}
}

func TestJQPrintsStringsRawAndValuesAsJSON(t *testing.T) {
	t.Parallel()
	ios, _, out, _ := Test()
	p := &Printer{IO: ios, Format: FormatJSON, JQ: `.items[] | .name, .n`}
	_ = p.JSON(map[string]any{"items": []map[string]any{{"name": "ada", "n": 1}}})
	if out.String() != "ada\n1\n" {
		t.Fatalf("jq output %q", out.String())
	}
	if _, err := ParseJQ(".["); err == nil {
		t.Fatal("a broken expression must not compile")
	}
}

func TestColourOnlyWhenEnabled(t *testing.T) {
	t.Parallel()
	ios, _, _, _ := Test()
	if ios.Bold("x") != "x" {
		t.Fatal("no colour by default")
	}
	ios.SetColor(true)
	if ios.Bold("x") == "x" || ios.Red("") != "" {
		t.Fatal("colour when enabled, never around empty text")
	}
}

type htmlMarshaler struct{}

func (htmlMarshaler) MarshalJSON() ([]byte, error) {
	return []byte(`{"embedHtml":"\u003ciframe src=\"x?a=1\u0026b=2\"\u003e","path":"C:\\u003cdir","n":12345678901234567890}`), nil
}

func TestJSONOutputShowsHTMLCharactersAndKeepsBackslashesAndNumbers(t *testing.T) {
	t.Parallel()
	ios, _, out, _ := Test()
	p := &Printer{IO: ios, Format: FormatJSON}
	if err := p.JSON(htmlMarshaler{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<iframe src=\"x?a=1&b=2\">`, `C:\\u003cdir`, `12345678901234567890`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %s:\n%s", want, out.String())
		}
	}
}
