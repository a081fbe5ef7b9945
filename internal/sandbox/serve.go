package sandbox

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// Serve runs the sandbox over HTTP on addr (default "127.0.0.1:0"). When it is ready it prints exactly one line,
// {"base_url":"http://127.0.0.1:PORT"}, to stdout; it serves until ctx ends, then shuts down (in-flight requests
// see their context cancelled), saves its state and returns nil. A non-loopback addr is refused unless
// opts.AllowNonLoopback: the control API mints tokens without authentication.
func Serve(ctx context.Context, addr string, opts Options, stdout io.Writer) error {
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("sandbox: --addr %q: %w", addr, err)
	}
	if !opts.AllowNonLoopback && !loopbackHost(host) {
		return fmt.Errorf("sandbox: refusing to listen on %q: the control API is unauthenticated, so only loopback "+
			"addresses (127.0.0.1, [::1], localhost) are allowed", addr)
	}
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", addr)
	if err != nil {
		return fmt.Errorf("sandbox: listen on %s: %w", addr, err)
	}
	if opts.BaseURL == "" {
		opts.BaseURL = "http://" + ln.Addr().String()
	}
	s, err := Open(ctx, opts)
	if err != nil {
		_ = ln.Close()
		return err
	}
	// A fresh state gets the demo account, as `gog --sandbox` does, so `gog auth add you@example.com` works at
	// once; a state that already has accounts is left as it is.
	if err := provisionFresh(ctx, s); err != nil {
		_ = ln.Close()
		_ = s.Close()
		return err
	}
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 30 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	line, _ := json.Marshal(map[string]string{"base_url": opts.BaseURL})
	if _, err := fmt.Fprintf(stdout, "%s\n", line); err != nil {
		_ = ln.Close()
		_ = s.Close()
		return err
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	var serveErr error
	select {
	case <-ctx.Done():
	case serveErr = <-served:
	}
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	_ = srv.Shutdown(shutdownCtx)
	closeErr := s.Close()
	if serveErr != nil && !errors.Is(serveErr, http.ErrServerClosed) {
		return serveErr
	}
	return closeErr
}

func loopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func provisionFresh(ctx context.Context, s *Server) error {
	accounts, err := s.Accounts(ctx)
	if err != nil || len(accounts) > 0 {
		return err
	}
	return s.EnsureAccount(ctx, DefaultAccount, true)
}
