package auth

import (
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/transport"
)

// callback is what the loopback listener received.
type callback struct {
	code string
	err  error
}

// loopback runs the loopback flow: a listener on 127.0.0.1 only, on a random port, accepts exactly one
// redirect whose state matches. Against Google the browser brings the redirect; against any other endpoint gog
// reads the consent page's redirect itself and delivers it, so the sandbox signs in without a browser, also
// under --no-input.
func (m *Manager) loopback(ctx context.Context, req SignInRequest, p *plan, state, verifier string) (code, redirect string, err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", "", errs.Wrap(err, errs.General, "cannot listen on 127.0.0.1 for the sign-in redirect: %v", err).
			WithHint("use the manual flow instead: %s auth add %s --manual", m.opts.Command, p.email)
	}
	redirect = fmt.Sprintf("http://127.0.0.1:%d", ln.Addr().(*net.TCPAddr).Port)
	results := make(chan callback, 1)
	var once sync.Once
	srv := &http.Server{
		ReadHeaderTimeout: 10 * time.Second,
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/" {
				http.NotFound(w, r)
				return
			}
			c, err := codeFrom(r.URL.Query(), state)
			taken := false
			once.Do(func() { results <- callback{code: c, err: err}; taken = true })
			writeLanding(w, taken && err == nil, err)
		}),
	}
	served := make(chan struct{})
	go func() { defer close(served); _ = srv.Serve(ln) }()
	defer func() { _ = srv.Close(); <-served }()

	authURL := m.authURL(p, redirect, state, verifier)
	fmt.Fprintf(req.Prompt, "To sign in %s, open this URL in a browser:\n\n  %s\n\n", p.email, authURL)
	if m.realm.IsGoogle() {
		if m.opts.OpenBrowser != nil {
			if err := m.opts.OpenBrowser(ctx, authURL); err != nil {
				fmt.Fprintf(req.Prompt, "(could not open a browser: %v)\n", err)
			}
		}
		fmt.Fprintf(req.Prompt, "Waiting for the browser (up to %s)...\n", timeoutOf(req))
	} else if err := m.followConsent(ctx, authURL, redirect); err != nil {
		return "", "", err
	}
	c, err := m.waitCallback(ctx, results, timeoutOf(req), p.email)
	if err != nil {
		return "", "", err
	}
	return c.code, redirect, c.err
}

func timeoutOf(req SignInRequest) time.Duration {
	if req.Timeout > 0 {
		return req.Timeout
	}
	return DefaultSignInTimeout
}

// waitCallback waits for the redirect, the timeout (through the injected clock) or the context, preferring a
// redirect that has already arrived.
func (m *Manager) waitCallback(ctx context.Context, results <-chan callback, timeout time.Duration, email string) (callback, error) {
	select {
	case c := <-results:
		return c, nil
	default:
	}
	waitCtx, cancel := context.WithCancel(ctx)
	timedOut := make(chan error, 1)
	go func() { timedOut <- m.opts.Clock.Sleep(waitCtx, timeout) }()
	slept := false
	defer func() {
		cancel()
		if !slept {
			<-timedOut // the sleeper ends with the call
		}
	}()
	select {
	case c := <-results:
		return c, nil
	case <-timedOut:
		slept = true
		select {
		case c := <-results:
			return c, nil
		default:
		}
		if ctx.Err() != nil {
			return callback{}, ctx.Err()
		}
		return callback{}, errs.New(errs.Auth, "no sign-in arrived within %s; nothing was stored", timeout).
			WithHint("run the command again; over SSH or without a browser use: %s auth add %s --manual", m.opts.Command, email)
	}
}

// followConsent plays the browser against a non-Google endpoint: it fetches the consent page without following
// redirects, checks that it redirects to this sign-in's listener, and delivers the redirect there.
func (m *Manager) followConsent(ctx context.Context, authURL, redirect string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, authURL, nil)
	if err != nil {
		return err
	}
	resp, err := m.httpClient().Do(req)
	if err != nil {
		return err
	}
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	resp.Body.Close()
	loc := resp.Header.Get("Location")
	if resp.StatusCode < 300 || resp.StatusCode > 399 || loc == "" {
		return errs.New(errs.Auth, "the consent page at %s answered %d instead of redirecting back: %s",
			m.realm, resp.StatusCode, snippet(transport.Redact(string(body)))).
			WithHint("check the OAuth client (%s auth credentials FILE) and the endpoint, then run the command again", m.opts.Command)
	}
	target, err := url.Parse(loc)
	if err != nil || target.Scheme != "http" || "http://"+target.Host != redirect {
		return errs.New(errs.Auth, "the consent page redirected somewhere other than this sign-in's listener").
			WithHint("the endpoint at %s does not behave like Google's consent page; nothing was stored", m.realm)
	}
	deliver := &http.Client{Transport: &http.Transport{Proxy: nil, DisableKeepAlives: true}}
	dreq, err := http.NewRequestWithContext(ctx, http.MethodGet, target.String(), nil)
	if err != nil {
		return err
	}
	dresp, err := deliver.Do(dreq)
	if err != nil {
		return fmt.Errorf("delivering the sign-in redirect to gog's own listener: %w", err)
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(dresp.Body, 1<<16))
	return dresp.Body.Close()
}

// snippet is the start of a page, on one line, for an error message.
func snippet(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 300 {
		s = s[:300] + "..."
	}
	return s
}

// writeLanding answers the browser after the redirect.
func writeLanding(w http.ResponseWriter, ok bool, err error) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	msg := "Signed in. You can close this tab and go back to the terminal."
	switch {
	case err != nil:
		w.WriteHeader(http.StatusBadRequest)
		var e *errs.Error
		if errors.As(err, &e) {
			msg = "Sign-in failed: " + e.Message
		} else {
			msg = "Sign-in failed."
		}
	case !ok:
		w.WriteHeader(http.StatusConflict)
		msg = "This sign-in has already been completed."
	}
	_, _ = fmt.Fprintf(w, "<!doctype html><title>gog</title><p>%s</p>\n", html.EscapeString(msg))
}
