// Package secrets is the one place gog keeps secret values: refresh tokens, cached access tokens, OAuth client
// secrets and service-account keys. Everything sits behind Store; the auth core is its only user.
//
// # Backends
//
// The OS keyrings (macOS Keychain, Secret Service, Windows Credential Manager, pass) come from
// github.com/99designs/keyring. Opening one runs as a probe bounded by Options.ProbeTimeout on the injected
// clock, so a hung D-Bus cannot hang gog: "auto" then falls back to the encrypted file backend and says so once
// on Options.Warn; an explicitly chosen OS backend fails with a config error instead. "pass" is never chosen by
// "auto" because gpg may ask for a passphrase through pinentry, which is exactly the hang auto must avoid.
//
// # Why the file backend is hand-written
//
// 99designs/keyring ships a FileBackend, but it breaks house rules: it writes with os.WriteFile (a crash
// mid-write truncates the secret; no temp file + rename), names each file after the key (so account emails
// are visible in the directory listing), runs PBES2 key derivation for every item it reads or writes (a command
// reading three keys pays three KDFs), and cannot tell a wrong password from a corrupt file until it decrypts
// an item. So this package has its own, built from golang.org/x/crypto/argon2 and the standard library:
//
//   - gog-keyring.json holds the KDF parameters, a random salt and a check value (a fixed string sealed with
//     the derived key). Open derives the key once (argon2id, RFC 9106's second recommended setting: t=3,
//     64 MiB, 4 lanes, about 0.1 s) and verifies the password against the check value before any item is
//     touched, so a wrong password is reported at once, as a config error naming the fix.
//   - Every key is its own file, named by HMAC-SHA256 of the key name (key names such as
//     "token:ada@example.com" do not appear on disk) and holding AES-256-GCM of {key, value}; the file name is
//     the additional data, so swapping two files is detected. One file per key means concurrent writers of
//     different keys never read-modify-write a shared file and cannot lose each other's writes; writers of the
//     same key are serialized by the auth core's per-account lock, and last rename wins.
//   - Every write is a temp file in the same directory (0600, synced) renamed over the target, so a crash
//     leaves either the old value or the new one. Temp files left by a crash are ignored and swept after an
//     hour. The directory is 0700; the header is created with link(2) so two first-time processes agree on
//     one salt.
//
// The key is derived from GOG_KEYRING_PASSWORD, else the first line of the file GOG_KEYRING_PASSWORD_FILE
// names, else a prompt (only when Options.Interactive); with none of them Open fails at once with a config
// error naming the variables: it never waits on a prompt nobody can answer. A wrong password is class config
// (exit 10), not auth: it is gog's own setup that is wrong, and signing in to Google again would not fix it.
//
// Secret values never appear in errors: messages name keys (which are not secret), paths and backends only.
package secrets
