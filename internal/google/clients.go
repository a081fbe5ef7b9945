// Package google builds the generated Google API clients on gog's one transport stack, pointed at Google or at
// the one base URL given by --endpoint / --sandbox.
package google

import (
	"context"
	"net/http"

	"google.golang.org/api/calendar/v3"
	"google.golang.org/api/option"
	"google.golang.org/api/people/v1"
	"google.golang.org/api/youtube/v3"

	"github.com/gogcli/gog/internal/endpoints"
)

// Clients constructs service clients for one account. HTTP is the full transport stack; every generated client
// built here shares it, so retries, scope recovery, --readonly, --dry-run and --debug apply to every service.
type Clients struct {
	Endpoints endpoints.Endpoints
	HTTP      *http.Client
	Account   string
}

func (c *Clients) options(base string) []option.ClientOption {
	return []option.ClientOption{option.WithHTTPClient(c.HTTP), option.WithEndpoint(base)}
}

// Calendar returns a Calendar v3 client.
func (c *Clients) Calendar(ctx context.Context) (*calendar.Service, error) {
	return calendar.NewService(ctx, c.options(c.Endpoints.Calendar())...)
}

// People returns a People v1 client.
func (c *Clients) People(ctx context.Context) (*people.Service, error) {
	return people.NewService(ctx, c.options(c.Endpoints.People())...)
}

// YouTube returns a YouTube Data v3 client.
func (c *Clients) YouTube(ctx context.Context) (*youtube.Service, error) {
	return youtube.NewService(ctx, c.options(c.Endpoints.YouTube())...)
}
