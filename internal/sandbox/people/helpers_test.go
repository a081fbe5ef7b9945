package people_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"google.golang.org/api/googleapi"
	"google.golang.org/api/option"
	"google.golang.org/api/people/v1"

	"github.com/gogcli/gog/internal/sandbox/sandboxtest"
)

const (
	scopeContacts   = "https://www.googleapis.com/auth/contacts"
	scopeContactsRO = "https://www.googleapis.com/auth/contacts.readonly"
	scopeOther      = "https://www.googleapis.com/auth/contacts.other.readonly"
	scopeDirectory  = "https://www.googleapis.com/auth/directory.readonly"
)

// newService starts a sandbox and returns a People client for the demo account holding every contacts scope.
func newService(t *testing.T) (*sandboxtest.Sandbox, *people.Service) {
	t.Helper()
	sb := sandboxtest.New(t)
	return sb, serviceFor(t, sb, scopeContacts, scopeOther, scopeDirectory)
}

func serviceFor(t *testing.T, sb *sandboxtest.Sandbox, scopes ...string) *people.Service {
	t.Helper()
	tok := sb.MintToken(sandboxtest.Account, scopes...)
	svc, err := people.NewService(context.Background(), option.WithEndpoint(sb.URL+"/"),
		option.WithHTTPClient(sb.BearerClient(tok.AccessToken)))
	if err != nil {
		t.Fatal(err)
	}
	return svc
}

func apiError(t *testing.T, err error) *googleapi.Error {
	t.Helper()
	var ge *googleapi.Error
	if !errors.As(err, &ge) {
		t.Fatalf("want a googleapi.Error, got %v", err)
	}
	return ge
}

func code(t *testing.T, err error) int {
	t.Helper()
	if err == nil {
		return 200
	}
	return apiError(t, err).Code
}

// envelope decodes an error body's status and whether it carried errors[].
func envelope(t *testing.T, err error) (status string, hasErrors bool, message string) {
	t.Helper()
	var env struct {
		Error struct {
			Message string            `json:"message"`
			Status  string            `json:"status"`
			Errors  []json.RawMessage `json:"errors"`
		} `json:"error"`
	}
	if e := json.Unmarshal([]byte(apiError(t, err).Body), &env); e != nil {
		t.Fatalf("error body is not JSON: %v", e)
	}
	return env.Error.Status, len(env.Error.Errors) > 0, env.Error.Message
}

func displayName(p *people.Person) string {
	if len(p.Names) == 0 {
		return ""
	}
	return p.Names[0].DisplayName
}
