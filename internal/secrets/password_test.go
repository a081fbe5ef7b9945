package secrets

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gogcli/gog/internal/errs"
)

func TestWrongPasswordIsAConfigErrorNamingTheFix(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	mustSet(t, openFileStore(t, dir, "right-password"), "k", "v")

	_, err := Open(context.Background(), fileOptions(t, dir, "wrong-password"))
	e := requireClass(t, err, errs.Config)
	if !strings.Contains(e.Message, "wrong password") || !strings.Contains(e.Hint, EnvPassword) {
		t.Errorf("error %q / hint %q should say the password is wrong and name %s", e.Message, e.Hint, EnvPassword)
	}
	for _, leak := range []string{"right-password", "wrong-password"} {
		if strings.Contains(e.Message+e.Hint, leak) {
			t.Errorf("error leaks %q", leak)
		}
	}
}

func TestNoPasswordAndNoTerminalFailsAtOnceWithoutPrompting(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "keyring")
	opts := fileOptions(t, dir, "")
	opts.Interactive = false
	opts.Prompt = func(string) (string, error) {
		t.Fatal("Prompt must not be called without a terminal")
		return "", nil
	}
	_, err := Open(context.Background(), opts)
	e := requireClass(t, err, errs.Config)
	if !strings.Contains(e.Hint, EnvPassword) || !strings.Contains(e.Hint, EnvPasswordFile) {
		t.Errorf("hint %q should name %s and %s", e.Hint, EnvPassword, EnvPasswordFile)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed Open created %s", dir)
	}
}

func TestPasswordFileFirstLineIsThePassword(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	pwFile := filepath.Join(tmp, "pw")
	if err := os.WriteFile(pwFile, []byte("from-file\r\nsecond line is ignored\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(tmp, "keyring")
	opts := fileOptions(t, dir, "")
	opts.Getenv = env(map[string]string{EnvPasswordFile: pwFile})
	s, err := Open(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	mustSet(t, s, "k", "v")

	// The same password given directly opens the same store.
	mustGet(t, openFileStore(t, dir, "from-file"), "k", "v")
	// GOG_KEYRING_PASSWORD wins over the file.
	opts.Getenv = env(map[string]string{EnvPassword: "from-file", EnvPasswordFile: filepath.Join(tmp, "absent")})
	if _, err := Open(context.Background(), opts); err != nil {
		t.Fatalf("the password variable should take precedence: %v", err)
	}
}

func TestUnusablePasswordFileIsAConfigError(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	empty := filepath.Join(tmp, "empty")
	if err := os.WriteFile(empty, []byte("\nlater"), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, path := range map[string]string{"missing": filepath.Join(tmp, "absent"), "empty first line": empty} {
		opts := fileOptions(t, filepath.Join(tmp, "keyring"), "")
		opts.Getenv = env(map[string]string{EnvPasswordFile: path})
		_, err := Open(context.Background(), opts)
		e := requireClass(t, err, errs.Config)
		if !strings.Contains(e.Message+e.Hint, EnvPasswordFile) && !strings.Contains(e.Message+e.Hint, path) {
			t.Errorf("%s: error %q should name the file", name, e.Message)
		}
	}
}

// prompter answers prompts from a script and records them.
type prompter struct {
	answers []string
	asked   []string
}

func (p *prompter) prompt(msg string) (string, error) {
	p.asked = append(p.asked, msg)
	if len(p.answers) == 0 {
		return "", errors.New("no more answers")
	}
	a := p.answers[0]
	p.answers = p.answers[1:]
	return a, nil
}

func interactive(t *testing.T, dir string, p *prompter) Options {
	opts := fileOptions(t, dir, "")
	opts.Interactive = true
	opts.Prompt = p.prompt
	return opts
}

func TestPromptConfirmsANewPasswordAndRetriesAWrongOne(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	create := &prompter{answers: []string{"typed", "typed"}}
	s, err := Open(context.Background(), interactive(t, dir, create))
	if err != nil {
		t.Fatal(err)
	}
	mustSet(t, s, "k", "v")
	if len(create.asked) != 2 {
		t.Fatalf("a new store should ask twice, asked %q", create.asked)
	}

	retry := &prompter{answers: []string{"nope", "still-nope", "typed"}}
	s, err = Open(context.Background(), interactive(t, dir, retry))
	if err != nil {
		t.Fatalf("third try had the right password: %v", err)
	}
	mustGet(t, s, "k", "v")

	giveUp := &prompter{answers: []string{"a", "b", "c", "typed"}}
	_, err = Open(context.Background(), interactive(t, dir, giveUp))
	requireClass(t, err, errs.Config)
	if len(giveUp.asked) != maxPromptTries {
		t.Fatalf("asked %d times, want %d", len(giveUp.asked), maxPromptTries)
	}
}

func TestPromptRefusesMismatchedNewPasswords(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	_, err := Open(context.Background(), interactive(t, dir, &prompter{answers: []string{"one", "two"}}))
	requireClass(t, err, errs.Usage)
	if _, err := os.Stat(filepath.Join(dir, headerFile)); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("a store was created although the passwords differed")
	}
}

func TestPasswordVariableWinsOverPrompting(t *testing.T) {
	t.Parallel()
	opts := fileOptions(t, t.TempDir(), "from-env")
	opts.Interactive = true // fileOptions' Prompt fails the test if called
	if _, err := Open(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
}
