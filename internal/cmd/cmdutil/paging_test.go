package cmdutil

import (
	"errors"
	"testing"

	"github.com/gogcli/gog/internal/errs"
)

func TestCollectFollowsPagesOnlyWithAllPages(t *testing.T) {
	t.Parallel()
	pages := map[string]struct {
		items []int
		next  string
	}{"": {[]int{1, 2}, "b"}, "b": {[]int{3}, "c"}, "c": {[]int{4}, ""}}
	fetch := func(tok string) ([]int, string, error) { return pages[tok].items, pages[tok].next, nil }

	one, next, _ := Collect(&Paging{}, fetch)
	if len(one) != 2 || next != "b" {
		t.Fatalf("one page: %v next %q", one, next)
	}
	from, next, _ := Collect(&Paging{Page: "b"}, fetch)
	if len(from) != 1 || from[0] != 3 || next != "c" {
		t.Fatalf("--page b: %v next %q", from, next)
	}
	all, next, _ := Collect(&Paging{AllPages: true}, fetch)
	if len(all) != 4 || next != "" {
		t.Fatalf("--all-pages: %v next %q", all, next)
	}
	boom := errors.New("boom")
	if _, _, err := Collect(&Paging{AllPages: true}, func(string) ([]int, string, error) { return nil, "", boom }); err != boom {
		t.Fatalf("error: %v", err)
	}
}

func TestPagingValidationAndFailEmpty(t *testing.T) {
	t.Parallel()
	for _, p := range []Paging{{Max: -1}, {Max: 51}, {AllPages: true, Page: "x"}} {
		if errs.ClassOf(p.Validate(50)) != errs.Usage {
			t.Errorf("%+v: want a usage error", p)
		}
	}
	if err := (&Paging{Max: 50}).Validate(50); err != nil {
		t.Errorf("the cap itself is allowed: %v", err)
	}
	if err := (&Paging{}).CheckEmpty(0, "things"); err != nil {
		t.Errorf("empty without --fail-empty: %v", err)
	}
	if errs.ClassOf((&Paging{FailEmpty: true}).CheckEmpty(0, "things")) != errs.Empty {
		t.Error("--fail-empty on nothing must be class empty (exit 3)")
	}
}
