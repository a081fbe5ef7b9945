package sandbox

import (
	"github.com/gogcli/gog/internal/sandbox/calendar"
	"github.com/gogcli/gog/internal/sandbox/gapi"
	"github.com/gogcli/gog/internal/sandbox/people"
	"github.com/gogcli/gog/internal/sandbox/youtube"
)

// apis builds every Google API the sandbox fakes. Adding an API is writing its package (see doc.go) and adding
// one line here; the order is the order Provision runs in when an account is created.
func apis(env gapi.Env) []gapi.API {
	return []gapi.API{
		calendar.New(env),
		people.New(env),
		youtube.New(env),
	}
}
