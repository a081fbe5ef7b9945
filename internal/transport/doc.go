// Package transport is the one http.RoundTripper stack every Google call goes through:
//
//	readonly guard ─▶ retry + classify (bearer token set per attempt) ─▶ trace ─▶ base
//	                   │ 429 / rate-limit 403 / 5xx and network errors (only when safe to repeat)
//	                   └─ scope 403 ─▶ ScopeRecoverer.ForceRefresh ─▶ replay once
//
// It is hand-written rather than taken from gax or the generated clients because neither retries the way gog
// must: the generated Calendar/Gmail/People clients never retry and never read Retry-After, and gax's retryer
// knows nothing of scope 403s, idempotency or a per-call time budget.
//
// Design choices, each decided from facts (ARCHITECTURE rule 6):
//
//   - Whether to retry is decided from the classified answer (internal/googleerr.Classify), the method, the
//     allow-list of POSTs that are safe to repeat (calls.go; also --readonly's list), a context marker
//     (WithIdempotent) and whether the body can be sent again. How long to wait is separate (Policy.Backoff,
//     or what the server asked for).
//   - Rate-limited requests are repeated whatever their method, because Google did not act on them; server
//     errors and network failures only when a repeat cannot duplicate a write (GET/HEAD/PUT/DELETE, an
//     allow-listed or marked POST) — except a failed dial, which sent nothing.
//   - A server asking for a longer single wait than Policy.MaxWait (60 s), or a wait that would pass the total
//     budget, ends the call at once: the answer goes back annotated with when to retry, so the error says so.
//     A CLI that hangs silently for minutes is worse for people and scripts than an exit 7 with a time.
//   - The scope 403 is recovered once per request, only for credentials implementing ScopeRecoverer and a
//     replayable body (none, GetBody, or ≤ 16 MiB of known length buffered here). If the forced refresh fails, the
//     caller gets the original 403: same status, headers and body (the first MiB read to decide is put back in
//     front of the rest).
//   - Facts the answer cannot tell (attempts made, a write deliberately not repeated, a failed forced refresh,
//     "come back at T") travel to googleerr.FromError in the googleerr.FactsHeader of the answer handed back, or
//     in a *googleerr.TransportError when there is no answer. A header survives the generated clients'
//     googleapi.CheckResponse (it keeps the response headers), which no wrapper type would.
//   - The bearer token is set inside the retry loop, not in a separate layer, because the recovery must pass
//     ForceRefresh exactly the token Google rejected.
//   - Every wait is Clock.Sleep with the request's context; nothing here starts a goroutine.
//   - --debug prints one line per attempt (trace.go). The retry layer leaves its verdict on a per-attempt note in
//     the request context; the trace prints the line when the answer's body is closed, so it can include both the
//     bytes received and the wait chosen and why.
package transport
