package cli

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/gogcli/gog/internal/errs"
)

func TestEveryErrorClassMapsToItsDocumentedExitCode(t *testing.T) {
	t.Parallel()
	cases := map[errs.Class]int{
		errs.General: 1, errs.Usage: 2, errs.Empty: 3, errs.Auth: 4, errs.NotFound: 5,
		errs.Scope: 6, errs.Permission: 6, errs.Policy: 6, errs.APIDisabled: 6,
		errs.RateLimit: 7, errs.Quota: 7, errs.Server: 8, errs.Network: 8,
		errs.Conflict: 1, errs.Invalid: 1, errs.Config: 10, errs.Cancelled: 130,
	}
	for class, want := range cases {
		err := fmt.Errorf("wrapped: %w", errs.New(class, "boom"))
		if got := exitCodeFor(context.Background(), err); got != want {
			t.Errorf("class %s: exit %d, want %d", class, got, want)
		}
	}
}

func TestScopeErrorExits4WhenTheGrantLacksTheScope(t *testing.T) {
	t.Parallel()
	e := errs.New(errs.Scope, "insufficient scopes")
	e.GrantLacksScope = true
	if got := exitCodeFor(context.Background(), e); got != ExitAuth {
		t.Fatalf("exit %d, want %d", got, ExitAuth)
	}
}

func TestAnyErrorAfterCancellationExits130(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if got := exitCodeFor(ctx, errs.New(errs.Network, "connection reset")); got != ExitCancelled {
		t.Fatalf("exit %d, want 130", got)
	}
	if got := exitCodeFor(context.Background(), fmt.Errorf("x: %w", context.Canceled)); got != ExitCancelled {
		t.Fatalf("context.Canceled: exit %d, want 130", got)
	}
	if got := exitCodeFor(context.Background(), errors.New("plain")); got != ExitError {
		t.Fatalf("plain error: exit %d, want 1", got)
	}
}
