package app

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/gogcli/gog/internal/errs"
)

// Confirm asks before a destructive action. With --force it passes; without a terminal (or with --no-input)
// it refuses, naming --force, rather than hanging on a prompt nobody can answer.
func (a *App) Confirm(question string) error {
	if a.Flags.Force {
		return nil
	}
	if !a.Interactive() {
		return errs.Usagef("refusing to %s without confirmation", question).
			WithHint("re-run with --force to confirm (no terminal to ask on)")
	}
	fmt.Fprintf(a.IO.ErrOut, "%s? [y/N] ", upperFirst(question))
	line, err := bufio.NewReader(a.IO.In).ReadString('\n')
	if err != nil && line == "" {
		return errs.New(errs.General, "aborted: not confirmed").WithHint("re-run with --force to skip the question")
	}
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes":
		return nil
	}
	return errs.New(errs.General, "aborted: not confirmed").WithHint("answer y to proceed, or re-run with --force")
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
