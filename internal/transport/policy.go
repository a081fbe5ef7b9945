package transport

import (
	"math"
	"time"
)

// Policy is how hard the transport tries. The zero value means DefaultPolicy().
type Policy struct {
	// MaxAttempts caps the requests sent for one call (the scope-403 replay aside): what a call that keeps getting
	// rate-limited (429, rate-limit 403) may use up.
	MaxAttempts int
	// ServerAttempts caps, within MaxAttempts, the requests sent for a call that keeps failing with 5xx or a
	// network error (only calls that are safe to repeat are repeated at all).
	ServerAttempts int
	// Budget is the total time, from the first attempt, that retries may take; a wait that would end after it is
	// not started.
	Budget time.Duration
	// Base, Multiplier and Cap shape the backoff when the server does not say how long to wait:
	// the n-th retry (n = 0, 1, ...) waits a random time in [Base, min(Cap, Base·Multiplier^n)].
	Base       time.Duration
	Multiplier float64
	Cap        time.Duration
	// MaxWait is the longest single wait. A server asking for more fails the call at once, with a hint saying when
	// to come back: a CLI that silently hangs for minutes surprises people and scripts more than an error does.
	MaxWait time.Duration
}

// DefaultPolicy is issue 5's policy: 5 attempts for rate limits, 3 for server and network errors, 2 minutes in
// all, truncated exponential backoff (1 s ×2, cap 32 s) with full jitter, at most 60 s per wait.
func DefaultPolicy() Policy {
	return Policy{
		MaxAttempts:    5,
		ServerAttempts: 3,
		Budget:         2 * time.Minute,
		Base:           time.Second,
		Multiplier:     2,
		Cap:            32 * time.Second,
		MaxWait:        60 * time.Second,
	}
}

// withDefaults fills every unset field from DefaultPolicy, so a caller may set just the one it cares about.
func (p Policy) withDefaults() Policy {
	d := DefaultPolicy()
	if p.MaxAttempts <= 0 {
		p.MaxAttempts = d.MaxAttempts
	}
	if p.ServerAttempts <= 0 {
		p.ServerAttempts = d.ServerAttempts
	}
	if p.Budget <= 0 {
		p.Budget = d.Budget
	}
	if p.Base <= 0 {
		p.Base = d.Base
	}
	if p.Multiplier < 1 {
		p.Multiplier = d.Multiplier
	}
	if p.Cap <= 0 {
		p.Cap = d.Cap
	}
	if p.MaxWait <= 0 {
		p.MaxWait = d.MaxWait
	}
	return p
}

// Backoff is the wait before retry n (0-based) given a random number r in [0, 1).
//
// It is "full jitter" (a uniformly random point of the window, so many clients hit by the same outage spread
// out) with the window's floor at Base instead of 0: Gmail's documentation asks clients to wait at least a second
// before retrying, and a zero wait would just spend an attempt.
func (p Policy) Backoff(n int, r float64) time.Duration {
	p = p.withDefaults()
	ceil := float64(p.Cap)
	if n < 64 {
		ceil = math.Min(ceil, float64(p.Base)*math.Pow(p.Multiplier, float64(n)))
	}
	if r < 0 || r >= 1 || math.IsNaN(r) {
		r = 0
	}
	floor := float64(p.Base)
	if ceil < floor {
		return p.Base
	}
	return time.Duration(floor + r*(ceil-floor))
}
