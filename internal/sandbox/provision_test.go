package sandbox

import (
	"context"
	"net/http"
	"slices"
	"testing"

	"google.golang.org/api/option"
	"google.golang.org/api/people/v1"

	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/store"
)

type bearer struct {
	token string
	next  http.RoundTripper
}

// A state made before an API existed gets that API's demo data the next time its account is ensured (the next
// `gog --sandbox` run), and nothing is provisioned twice.
func TestEnsureAccountProvisionsAPIsAddedAfterTheAccountWasMade(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, err := Open(ctx, Options{StateDir: t.TempDir(), NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.EnsureAccount(ctx, DefaultAccount, true); err != nil {
		t.Fatal(err)
	}
	// Make the account look as if only the Calendar API existed when it was provisioned: no record of what was
	// provisioned, and no contacts.
	err = s.store.Update(ctx, func(tx *store.Tx) error {
		acct, _, err := gapi.LoadAccount(tx, DefaultAccount)
		if err != nil {
			return err
		}
		acct.Provisioned = nil
		if _, err := store.DeletePrefix(tx, "people/contacts", ""); err != nil {
			return err
		}
		return store.Put(tx, gapi.AccountsBucket, DefaultAccount, acct)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.EnsureAccount(ctx, DefaultAccount, true); err != nil {
		t.Fatal(err)
	}
	tok, err := s.MintTokens(ctx, TokenRequest{Email: DefaultAccount, Scopes: []string{"https://www.googleapis.com/auth/contacts.readonly"}})
	if err != nil {
		t.Fatal(err)
	}
	svc, err := people.NewService(ctx, option.WithEndpoint(InProcessBaseURL+"/"),
		option.WithHTTPClient(&http.Client{Transport: &bearer{token: tok.AccessToken, next: s.Transport()}}))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := svc.People.Connections.List("people/me").PersonFields("names").Context(ctx).Do()
	if err != nil || len(resp.Connections) == 0 {
		t.Fatalf("contacts after a late provision: %v", err)
	}
	accounts, _ := s.Accounts(ctx)
	want := []string{"calendar"}
	for _, a := range s.apis {
		if a.Name() != "calendar" {
			want = append(want, a.Name())
		}
	}
	if got := accounts[0].Provisioned; !slices.Equal(got, want) {
		t.Fatalf("provisioned = %v, want %v", got, want)
	}
	// Ensuring again changes nothing.
	before := len(resp.Connections)
	_ = s.EnsureAccount(ctx, DefaultAccount, true)
	again, _ := svc.People.Connections.List("people/me").PersonFields("names").Context(ctx).Do()
	if len(again.Connections) != before {
		t.Fatalf("contacts provisioned twice: %d then %d", before, len(again.Connections))
	}
}

func (b *bearer) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.Header.Set("Authorization", "Bearer "+b.token)
	return b.next.RoundTrip(req)
}
