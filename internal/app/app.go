// Package app holds the App: the one seam through which every command gets what it touches — streams, clock,
// environment, paths, config, and the Google service clients for the chosen account. The cli package builds
// one App per run; a test builds its own, so tests never share state and can all run in parallel.
package app

import (
	"context"
	"errors"
	"net/http"
	"sync"

	"github.com/gogcli/gog/internal/clock"
	"github.com/gogcli/gog/internal/config"
	"github.com/gogcli/gog/internal/output"
)

// ServiceAnnotation on a cobra command names the gog service it calls (calendar, contacts, youtube, ...), so
// error hints can name the exact `gog auth add ... --services X` to run.
const ServiceAnnotation = "gog_service"

// Globals are the global flags after environment variables have been applied.
type Globals struct {
	Account     string // --account / GOG_ACCOUNT
	JSON        bool   // --json / GOG_JSON
	Plain       bool   // --plain / GOG_PLAIN
	JQ          string // --jq
	NoInput     bool   // --no-input / GOG_NO_INPUT
	Force       bool   // --force
	DryRun      bool   // --dry-run
	ReadOnly    bool   // --readonly / GOG_READONLY
	Debug       bool   // --debug / GOG_DEBUG
	Endpoint    string // --endpoint / GOG_ENDPOINT
	Sandbox     bool   // --sandbox / GOG_SANDBOX
	Color       string // --color auto|always|never
	AccessToken string // --access-token / GOG_ACCESS_TOKEN
}

// VersionInfo describes the build.
type VersionInfo struct {
	Version string `json:"version"`
	Commit  string `json:"commit"`
	Go      string `json:"go"`
}

// App carries every dependency of a command.
type App struct {
	IO      *output.IOStreams
	Getenv  func(string) string
	Clock   clock.Clock
	Flags   Globals
	Paths   config.Paths
	Version VersionInfo
	// Network is the base RoundTripper for calls that leave the machine; tests point it at a fake.
	Network http.RoundTripper
	// OpenBrowser opens a URL in the user's browser (sign-in against Google); nil = the platform's opener.
	// Tests set it so that no browser is ever opened.
	OpenBrowser func(ctx context.Context, url string) error

	mu      sync.Mutex
	cfg     *config.File
	closers []func() error
	target  *Target
	conn    *Connection
	auth    *authState
}

// New returns an App with production defaults for whatever the caller left unset.
func New(ios *output.IOStreams, getenv func(string) string) *App {
	return &App{
		IO:      ios,
		Getenv:  getenv,
		Clock:   clock.Real{},
		Network: http.DefaultTransport.(*http.Transport).Clone(),
	}
}

// Config returns the config file, loaded once.
func (a *App) Config() (*config.File, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.cfg != nil {
		return a.cfg, nil
	}
	f, err := config.Load(a.Paths.ConfigFile())
	if err != nil {
		return nil, err
	}
	a.cfg = f
	return f, nil
}

// Setting returns a config setting, "" when unset or when the config can't be read (the read error surfaces
// from the commands that need the config itself).
func (a *App) Setting(name string) string {
	f, err := a.Config()
	if err != nil {
		return ""
	}
	v, _ := f.Get(name)
	return v
}

// SaveConfig writes the config file atomically.
func (a *App) SaveConfig(f *config.File) error {
	if err := config.Save(a.Paths.ConfigFile(), f); err != nil {
		return err
	}
	a.mu.Lock()
	a.cfg = f
	a.mu.Unlock()
	return nil
}

// Printer returns the printer for the chosen output mode.
func (a *App) Printer() *output.Printer {
	p := &output.Printer{IO: a.IO, Format: output.FormatTable, JQ: a.Flags.JQ}
	switch {
	case a.Flags.JSON || a.Flags.JQ != "":
		p.Format = output.FormatJSON
	case a.Flags.Plain || !a.IO.IsStdoutTTY():
		p.Format = output.FormatPlain
	}
	return p
}

// OnClose registers cleanup to run when the command finishes (in reverse order).
func (a *App) OnClose(fn func() error) {
	a.mu.Lock()
	a.closers = append(a.closers, fn)
	a.mu.Unlock()
}

// Close runs the registered cleanups.
func (a *App) Close() error {
	a.mu.Lock()
	closers := a.closers
	a.closers = nil
	a.mu.Unlock()
	var errList []error
	for i := len(closers) - 1; i >= 0; i-- {
		errList = append(errList, closers[i]())
	}
	return errors.Join(errList...)
}

// Interactive reports whether gog may prompt: stdin and stderr are terminals and --no-input is not set.
func (a *App) Interactive() bool {
	return !a.Flags.NoInput && a.IO.IsStdinTTY() && a.IO.IsStderrTTY()
}
