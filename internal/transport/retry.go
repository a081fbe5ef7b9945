package transport

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"

	"golang.org/x/oauth2"

	"github.com/gogcli/gog/internal/clock"
	"github.com/gogcli/gog/internal/errs"
	"github.com/gogcli/gog/internal/googleerr"
)

// retrier is the retry + classify layer; it also sets the bearer token on each attempt.
type retrier struct {
	next   http.RoundTripper
	creds  Credentials
	clock  clock.Clock
	policy Policy
	rand   func() float64
}

func (t *retrier) RoundTrip(req *http.Request) (*http.Response, error) {
	body, err := newReplay(req)
	if err != nil {
		return nil, err
	}
	defer body.close()
	c := &call{
		t:     t,
		req:   req,
		body:  body,
		idem:  Idempotent(req),
		start: t.clock.Now(),
		facts: googleerr.Facts{Method: req.Method, Path: req.URL.Path},
	}
	return c.run(req.Context())
}

// call is the state of one RoundTrip across its attempts.
type call struct {
	t     *retrier
	req   *http.Request
	body  *replay
	idem  bool
	start time.Time
	facts googleerr.Facts

	counted   int           // attempts that count against the policy's limits (the scope replay does not)
	recovered bool          // the one scope-403 recovery has happened
	replaying bool          // the coming attempt is that recovery's replay
	usedToken string        // the access token the last attempt carried
	nextToken *oauth2.Token // the token ForceRefresh minted, for the replay
}

func (c *call) run(ctx context.Context) (*http.Response, error) {
	p := c.t.policy
	for {
		c.facts.Attempts++
		note := &attemptNote{n: c.facts.Attempts}
		resp, sent, err := c.send(ctx, note)
		if !sent {
			return nil, err
		}
		if err != nil {
			if ctx.Err() != nil {
				note.finish()
				return nil, &googleerr.TransportError{Facts: c.facts, Err: ctx.Err()}
			}
			// A failed dial sent nothing, so even a write may go again; any other failure may have reached Google.
			retry, verdict := c.mayRepeat(c.idem || dialFailed(err), min(p.ServerAttempts, p.MaxAttempts))
			if retry {
				wait := c.backoff()
				ok, werr := c.wait(ctx, note, nil, wait, false, "network error")
				if werr != nil {
					return nil, werr
				}
				if ok {
					continue
				}
			} else {
				note.decide(0, verdict)
			}
			note.finish()
			return nil, &googleerr.TransportError{Facts: c.facts, Err: err}
		}
		if !needsClassifying(resp.StatusCode) {
			return c.final(resp), nil
		}
		cl := googleerr.Classify(resp.StatusCode, resp.Header, peek(resp), c.t.clock.Now())
		again, err := c.react(ctx, note, resp, cl)
		if err != nil {
			return nil, err
		}
		if !again {
			return c.final(resp), nil
		}
	}
}

// react decides what follows an error answer: (true, nil) to send again, (false, nil) to hand resp to the caller.
func (c *call) react(ctx context.Context, note *attemptNote, resp *http.Response, cl googleerr.Classification) (bool, error) {
	p := c.t.policy
	why := strings.TrimSpace(fmt.Sprintf("%d %s", cl.Status, cl.Reason))
	switch cl.Class {
	case errs.Scope:
		return c.recoverScope(ctx, note, resp)
	case errs.RateLimit:
		// Google did not act on a rate-limited request, so any replayable request may go again, writes included.
		retry, verdict := c.mayRepeat(true, p.MaxAttempts)
		if !retry {
			note.decide(0, verdict)
			return false, nil
		}
		return c.waitFor(ctx, note, resp, cl, "rate limited ("+why+")")
	case errs.Server:
		if !cl.Retryable {
			return false, nil // 501 and the like: trying again will not help
		}
		retry, verdict := c.mayRepeat(c.idem, min(p.ServerAttempts, p.MaxAttempts))
		if !retry {
			note.decide(0, verdict)
			return false, nil
		}
		return c.waitFor(ctx, note, resp, cl, "server error ("+why+")")
	}
	return false, nil
}

// mayRepeat applies the facts that decide whether a failed attempt may be sent again, recording the reason not to.
func (c *call) mayRepeat(safe bool, limit int) (bool, string) {
	switch {
	case !safe:
		c.facts.NotRepeated = googleerr.NotRepeatedWrite
		return false, fmt.Sprintf("not retried: %s is a write the server may have applied", c.req.Method)
	case !c.body.replayable:
		c.facts.NotRepeated = googleerr.NotRepeatedBody
		return false, "not retried: the request body cannot be sent again"
	case c.counted >= limit:
		c.facts.GaveUp = googleerr.GaveUpAttempts
		return false, fmt.Sprintf("giving up after %d attempts", c.counted)
	}
	return true, ""
}

// waitFor waits as the server asked (Retry-After or a time in the message), else by backoff, within the policy.
func (c *call) waitFor(ctx context.Context, note *attemptNote, resp *http.Response, cl googleerr.Classification, why string) (bool, error) {
	wait, asked := cl.RetryAfter, cl.RetryAfter > 0
	if asked {
		why += ", as the server asked"
	} else {
		wait = c.backoff()
		why += ", backoff"
	}
	return c.wait(ctx, note, resp, wait, asked, why)
}

// backoff is the policy's wait before the next retry, never longer than MaxWait: a wait gog chose itself must
// not end the call the way a server asking for too long does.
func (c *call) backoff() time.Duration {
	p := c.t.policy
	return min(p.Backoff(c.counted-1, c.t.rand()), p.MaxWait)
}

// wait sleeps before the next attempt if the policy allows that wait. It returns (false, nil) when it does not
// (the failure is then handed back) and an error when the context ended during the wait.
func (c *call) wait(ctx context.Context, note *attemptNote, resp *http.Response, d time.Duration, asked bool, why string) (bool, error) {
	p := c.t.policy
	now := c.t.clock.Now()
	switch {
	case d > p.MaxWait:
		c.facts.GaveUp, c.facts.RetryAt = googleerr.GaveUpWait, now.Add(d)
		note.decide(0, fmt.Sprintf("not retried: asked to wait %s, more than the %s gog waits", d.Round(time.Second), p.MaxWait))
		return false, nil
	case now.Add(d).After(c.start.Add(p.Budget)):
		c.facts.GaveUp = googleerr.GaveUpBudget
		if asked {
			c.facts.RetryAt = now.Add(d)
		}
		note.decide(0, fmt.Sprintf("not retried: waiting %s would pass the %s budget", d.Round(time.Millisecond), p.Budget))
		return false, nil
	}
	note.decide(d, why)
	discard(resp) // prints this attempt's trace line, with the wait, before the wait starts
	note.finish()
	if err := c.t.clock.Sleep(ctx, d); err != nil {
		return false, &googleerr.TransportError{Facts: c.facts, Err: err}
	}
	return true, nil
}

// recoverScope handles a scope 403: once per request, for credentials that can mint a new token, with a body
// that can be sent again. If the forced refresh fails, the original 403 goes back to the caller untouched.
func (c *call) recoverScope(ctx context.Context, note *attemptNote, resp *http.Response) (bool, error) {
	if c.recovered {
		note.decide(0, "scope 403 again after a fresh token: that is the answer")
		return false, nil
	}
	rec, ok := c.t.creds.(ScopeRecoverer)
	if !ok || !c.body.replayable {
		c.facts.ScopeRefresh = googleerr.ScopeNotRecovered
		note.decide(0, "scope 403: not recoverable (credentials that cannot be refreshed, or a body that cannot be sent again)")
		return false, nil
	}
	c.recovered = true
	tok, err := rec.ForceRefresh(ctx, c.usedToken)
	if err != nil || tok == nil || tok.AccessToken == "" {
		c.facts.ScopeRefresh, c.facts.RefreshError = googleerr.ScopeRefreshFailed, refreshCode(err)
		note.decide(0, "scope 403: forcing a token refresh failed ("+c.facts.RefreshError+"); returning the 403")
		return false, nil
	}
	c.facts.ScopeRefresh = googleerr.ScopeReplayed
	c.nextToken, c.replaying = tok, true
	note.decide(0, "scope 403: replaying once with a freshly minted access token")
	discard(resp)
	return true, nil
}

// send makes one attempt. sent is false when the request could not even be prepared (no token, no body).
func (c *call) send(ctx context.Context, note *attemptNote) (*http.Response, bool, error) {
	body, getBody, err := c.body.next()
	if err != nil {
		return nil, false, err
	}
	r := c.req.Clone(withNote(ctx, note))
	r.Body, r.GetBody = body, getBody
	if c.t.creds != nil {
		tok := c.nextToken
		c.nextToken = nil
		if tok == nil {
			if tok, err = c.t.creds.Token(ctx); err != nil {
				_ = body.Close()
				return nil, false, err
			}
		}
		c.usedToken = tok.AccessToken
		tok.SetAuthHeader(r)
	}
	if c.replaying {
		c.replaying = false
	} else {
		c.counted++
	}
	resp, err := c.t.next.RoundTrip(r)
	return resp, true, err
}

// final hands resp to the caller, annotating an error answer with what the transport knows.
func (c *call) final(resp *http.Response) *http.Response {
	if resp.StatusCode >= 400 {
		if resp.Header == nil {
			resp.Header = http.Header{}
		}
		c.facts.Annotate(resp.Header)
	}
	return resp
}

func needsClassifying(status int) bool {
	return status == http.StatusForbidden || status == http.StatusTooManyRequests ||
		status == http.StatusRequestTimeout || status >= 500
}

// dialFailed reports a connection that was never made: nothing reached the server.
func dialFailed(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}

// sanitizeCode keeps a server-chosen OAuth error code to the characters such codes use (RFC 6749 allows no
// more), so it cannot smuggle anything into a header or a message.
func sanitizeCode(code string) string {
	out := []byte{}
	for i := 0; i < len(code) && len(out) < 64; i++ {
		if b := code[i]; b == '_' || b == '-' || b == '.' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' {
			out = append(out, b)
		}
	}
	if len(out) == 0 {
		return "error"
	}
	return string(out)
}

// refreshCode names a failed forced refresh without any secret: the OAuth error code or the kind of failure.
func refreshCode(err error) string {
	var re *oauth2.RetrieveError
	switch {
	case err == nil:
		return "no-token"
	case errors.As(err, &re) && re.ErrorCode != "":
		return sanitizeCode(re.ErrorCode)
	case errors.As(err, &re) && re.Response != nil:
		return fmt.Sprintf("http-%d", re.Response.StatusCode)
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		return "cancelled"
	}
	var ne net.Error
	if errors.As(err, &ne) {
		return "network"
	}
	return "error"
}
