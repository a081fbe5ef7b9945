package contacts_test

import (
	"encoding/csv"
	"strings"
	"testing"

	"github.com/gogcli/gog/internal/cmd/cmdtest"
	"github.com/gogcli/gog/internal/cmd/contacts"
)

func TestExportWritesEveryContactAsVCard(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	r := env.Must("contacts", "export")
	if n := strings.Count(r.Stdout, "BEGIN:VCARD\r\nVERSION:3.0\r\n"); n != 12 {
		t.Fatalf("%d vCards, want 12:\n%s", n, r.Stdout)
	}
	for _, want := range []string{
		"FN:Émilie du Châtelet\r\n",
		"NOTE:First programmer\\; met at the Babbage demo.\\nAsk about Note G.\r\n",
		"BDAY:--08-17\r\n",
	} {
		if !strings.Contains(r.Stdout, want) {
			t.Errorf("export lacks %q", want)
		}
	}
	reqs := env.Requests()
	if len(reqs) != 1 || reqs[0].Path != "/v1/people/me/connections" {
		t.Fatalf("requests: %v", env.Paths())
	}
	if q := query(t, reqs[0]); q.Get("pageSize") != "1000" || q.Get("personFields") != contacts.ExportFields {
		t.Errorf("export query: %v", q)
	}
	v4 := env.Must("contacts", "export", "--vcard-version", "4.0")
	if !strings.Contains(v4.Stdout, "VERSION:4.0\r\n") || !strings.Contains(v4.Stdout, "BDAY:18151210\r\n") {
		t.Errorf("4.0 export:\n%s", v4.Stdout)
	}
}

func TestExportCSVParsesBackWithOneRowPerContact(t *testing.T) {
	t.Parallel()
	env := cmdtest.New(t)
	r := env.Must("contacts", "export", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(r.Stdout)).ReadAll()
	if err != nil || len(rows) != 13 {
		t.Fatalf("%d rows, err %v:\n%s", len(rows), err, r.Stdout)
	}
	if rows[0][0] != "resourceName" || rows[1][1] != "Ada Lovelace" ||
		rows[1][5] != "ada@example.com ::: ada.lovelace@analytical.example" ||
		rows[1][10] != "First programmer; met at the Babbage demo.\nAsk about Note G." {
		t.Errorf("rows: %q", rows[:2])
	}
	// With --json, export prints Google's Person resources.
	var got connectionList
	env.JSON(&got, "contacts", "export")
	if len(got.Connections) != 12 {
		t.Errorf("--json export: %d contacts", len(got.Connections))
	}
}
