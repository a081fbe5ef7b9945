// Package output is the only way gog prints: IO streams with a terminal switch, and printers for the three
// output modes (aligned table on a terminal, --plain TSV, --json with optional --jq).
//
// Data goes to Out; everything meant for a person (hints, progress, warnings, errors) goes to ErrOut.
package output

import (
	"bytes"
	"io"
	"os"

	"golang.org/x/term"
)

// IOStreams are the streams a command reads and writes, and whether each is a terminal.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	inTTY, outTTY, errTTY bool
	color                 bool
}

// System returns the process's standard streams with terminal detection.
func System() *IOStreams {
	return &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		inTTY:  term.IsTerminal(int(os.Stdin.Fd())),
		outTTY: term.IsTerminal(int(os.Stdout.Fd())),
		errTTY: term.IsTerminal(int(os.Stderr.Fd())),
	}
}

// Test returns streams backed by buffers, none of them a terminal until a test says so.
func Test() (ios *IOStreams, in, out, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut}, in, out, errOut
}

// SetTTY marks stdin, stdout and stderr as terminals (or not), for tests.
func (s *IOStreams) SetTTY(in, out, errOut bool) { s.inTTY, s.outTTY, s.errTTY = in, out, errOut }

// IsStdinTTY reports whether stdin is a terminal.
func (s *IOStreams) IsStdinTTY() bool { return s.inTTY }

// IsStdoutTTY reports whether stdout is a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.outTTY }

// IsStderrTTY reports whether stderr is a terminal.
func (s *IOStreams) IsStderrTTY() bool { return s.errTTY }

// SetColor turns colour on or off (decided once from --color, NO_COLOR and the terminal).
func (s *IOStreams) SetColor(on bool) { s.color = on }

// ColorEnabled reports whether colour escapes may be written.
func (s *IOStreams) ColorEnabled() bool { return s.color }

// Bold wraps text in bold escapes when colour is on.
func (s *IOStreams) Bold(text string) string { return s.paint("1", text) }

// Red wraps text in red escapes when colour is on.
func (s *IOStreams) Red(text string) string { return s.paint("31", text) }

// Dim wraps text in dim escapes when colour is on.
func (s *IOStreams) Dim(text string) string { return s.paint("2", text) }

func (s *IOStreams) paint(code, text string) string {
	if !s.color || text == "" {
		return text
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}
