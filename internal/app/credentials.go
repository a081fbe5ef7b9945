package app

import "context"

// resolveCredentials decides, in one place (auth.Manager.Resolve), which credentials this run uses: a direct
// access token, ADC, or the chosen account's service-account key or stored user OAuth. Granted is the stored
// grant for stored OAuth and nil otherwise, so preflight runs only where the grant is known.
func (a *App) resolveCredentials(ctx context.Context, _ *Target) (*Resolved, error) {
	res, err := a.ResolveAuth(ctx)
	if err != nil {
		return nil, err
	}
	return &Resolved{Account: res.Account, Mode: res.Mode, Granted: res.Granted, Credentials: res.Credentials}, nil
}
