package deploy

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/torv/torv/internal/loopback"
)

// need finds the programs a test runs, or skips it (fails it with CI=true).
func need(t *testing.T, names ...string) map[string]string {
	return loopback.Need(t, "openssh-server openssh-client rsync nginx", names...)
}

// sshServer is sshd on loopback that lets the current user in with a key
// the test made.
type sshServer struct {
	port int
	key  string // the client's private key
}

// rsh is the ssh command torv-publish -e gets: this server, this key, no
// user config, no known_hosts, never a question.
func (s *sshServer) rsh() string {
	return fmt.Sprintf("ssh -F /dev/null -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null"+
		" -o BatchMode=yes -o IdentitiesOnly=yes -o LogLevel=ERROR -i %s -p %d", s.key, s.port)
}

func startSSH(t *testing.T, progs map[string]string) *sshServer {
	t.Helper()
	dir := t.TempDir()
	hostKey, userKey := filepath.Join(dir, "host_key"), filepath.Join(dir, "user_key")
	for _, k := range []string{hostKey, userKey} {
		if out, err := exec.Command(progs["ssh-keygen"], "-q", "-t", "ed25519", "-N", "", "-f", k).CombinedOutput(); err != nil {
			t.Fatalf("ssh-keygen: %v\n%s", err, out)
		}
	}
	pub, err := os.ReadFile(userKey + ".pub")
	if err != nil {
		t.Fatal(err)
	}
	authorized := filepath.Join(dir, "authorized_keys")
	// "restrict" (no forwarding, no terminal) is what docs/publish.md
	// advises for the deploy key: publishing must work with it.
	if err := os.WriteFile(authorized, append([]byte("restrict "), pub...), 0o600); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() == 0 {
		// sshd run by root needs its privilege-separation folder, which
		// Debian's service would make; a test run never removes it, as
		// another sshd may use it.
		if err := os.MkdirAll("/run/sshd", 0o755); err != nil {
			t.Fatalf("sshd needs /run/sshd: %v", err)
		}
	}
	srv := loopback.Serve(t, "sshd", func(port int) *exec.Cmd {
		cfg := filepath.Join(dir, "sshd_config")
		conf := fmt.Sprintf(`Port %d
ListenAddress 127.0.0.1
HostKey %s
AuthorizedKeysFile %s
PidFile none
StrictModes no
UsePAM no
UseDNS no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
`, port, hostKey, authorized)
		if err := os.WriteFile(cfg, []byte(conf), 0o600); err != nil {
			t.Fatal(err)
		}
		return exec.Command(progs["sshd"], "-D", "-e", "-f", cfg)
	})
	return &sshServer{port: srv.Port, key: userKey}
}

// startNginx serves root (the link torv-publish switches) on loopback and
// returns the base address.
func startNginx(t *testing.T, progs map[string]string, root string) string {
	t.Helper()
	types := "\ttypes { text/html html; text/css css; text/javascript js; application/xml xml; text/plain txt; }\n" +
		"\tdefault_type application/octet-stream;"
	server := "\t\troot " + root + ";\n\t\tdisable_symlinks off;\n\t\terror_page 404 /404.html;"
	return loopback.Nginx(t, progs["nginx"], types, server).URL
}
