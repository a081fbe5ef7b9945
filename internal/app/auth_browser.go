package app

import (
	"context"
	"errors"
	"os/exec"
	"runtime"
)

// browserOpener returns how sign-in opens the browser: the App's OpenBrowser when a test (or an embedder) set
// one, else the platform's opener — but only where a browser can appear. Over SSH without a display there is
// none, and the printed URL is all the user gets (with --manual or --remote to finish elsewhere).
func (a *App) browserOpener() func(ctx context.Context, url string) error {
	if a.OpenBrowser != nil {
		return a.OpenBrowser
	}
	if !a.hasBrowser() {
		return nil
	}
	return openPlatformBrowser
}

func (a *App) hasBrowser() bool {
	if a.Getenv("BROWSER") == "none" {
		return false
	}
	switch runtime.GOOS {
	case "darwin", "windows":
		return a.Getenv("SSH_CONNECTION") == "" || a.Getenv("DISPLAY") != ""
	default:
		return a.Getenv("DISPLAY") != "" || a.Getenv("WAYLAND_DISPLAY") != ""
	}
}

// openPlatformBrowser starts the platform's opener. It is not tied to ctx: when xdg-open starts the browser
// itself, cancelling the command must not take the browser down with it.
func openPlatformBrowser(_ context.Context, url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		if _, err := exec.LookPath("xdg-open"); err != nil {
			return errors.New("xdg-open is not installed")
		}
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	// The opener returns at once; reap it in the background so no zombie is left.
	go func() { _ = cmd.Wait() }()
	return nil
}
