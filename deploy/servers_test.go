package deploy

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// need finds the programs a test runs, in PATH or in /usr/sbin (where
// Debian puts sshd and nginx, not in every user's PATH). A missing one
// skips the test locally and fails it in CI.
func need(t *testing.T, names ...string) map[string]string {
	t.Helper()
	found := map[string]string{}
	var missing []string
	for _, n := range names {
		p, err := exec.LookPath(n)
		if err != nil {
			if _, serr := os.Stat("/usr/sbin/" + n); serr == nil {
				p, err = "/usr/sbin/"+n, nil
			}
		}
		if err != nil {
			missing = append(missing, n)
			continue
		}
		found[n] = p
	}
	if len(missing) > 0 {
		msg := fmt.Sprintf("publish test needs %s (apt-get install openssh-server openssh-client rsync nginx)", strings.Join(missing, ", "))
		if os.Getenv("CI") == "true" {
			t.Fatal(msg + "; CI=true requires it")
		}
		t.Skip("skipped: " + msg)
	}
	return found
}

// logBuffer collects a server's output while it runs.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// serve starts a server that listens on 127.0.0.1:port once config (made
// for that port) is in place, waits until the port answers, and stops the
// server when the test ends. A port taken by someone else between choosing
// and starting is tried again with another.
func serve(t *testing.T, name string, command func(port int) *exec.Cmd) int {
	t.Helper()
	var last *logBuffer
	for range 3 {
		port := freePort(t)
		cmd := command(port)
		log := &logBuffer{}
		last = log
		cmd.Stdout, cmd.Stderr = log, log
		if err := cmd.Start(); err != nil {
			t.Fatalf("starting %s: %v", name, err)
		}
		exited := make(chan struct{})
		go func() { cmd.Wait(); close(exited) }()
		t.Cleanup(func() { stop(t, name, cmd, exited, log) })
		if listening(port, exited) {
			return port
		}
	}
	t.Fatalf("%s did not start:\n%s", name, last)
	return 0
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// listening waits up to 10 s for the port to accept, false if the server
// exited first.
func listening(port int, exited <-chan struct{}) bool {
	addr := "127.0.0.1:" + strconv.Itoa(port)
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
		select {
		case <-exited:
			return false
		default:
		}
		if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
			c.Close()
			return true
		}
		time.Sleep(20 * time.Millisecond)
	}
	return false
}

func stop(t *testing.T, name string, cmd *exec.Cmd, exited <-chan struct{}, log *logBuffer) {
	select {
	case <-exited:
		return
	default:
	}
	cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-exited:
	case <-time.After(5 * time.Second):
		t.Errorf("%s did not stop on SIGTERM; killed", name)
		cmd.Process.Kill()
		<-exited
	}
	if t.Failed() {
		lines := strings.Split(strings.TrimSpace(log.String()), "\n")
		t.Logf("%s's log, the end:\n%s", name, strings.Join(lines[max(0, len(lines)-30):], "\n"))
	}
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
	port := serve(t, "sshd", func(port int) *exec.Cmd {
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
	return &sshServer{port: port, key: userKey}
}

// startNginx serves root (the link torv-publish switches) on loopback and
// returns the base address.
func startNginx(t *testing.T, progs map[string]string, root string) string {
	t.Helper()
	dir := t.TempDir()
	// Run by root, nginx's workers would be nobody, who cannot enter the
	// test's private temporary folders.
	user := ""
	if os.Geteuid() == 0 {
		user = "user root root;"
	}
	port := serve(t, "nginx", func(port int) *exec.Cmd {
		cfg := filepath.Join(dir, "nginx.conf")
		conf := fmt.Sprintf(`%[1]s
worker_processes 2;
daemon off;
pid %[2]s/nginx.pid;
error_log stderr warn;
events { worker_connections 256; }
http {
	access_log off;
	client_body_temp_path %[2]s/client_body;
	proxy_temp_path %[2]s/proxy;
	fastcgi_temp_path %[2]s/fastcgi;
	uwsgi_temp_path %[2]s/uwsgi;
	scgi_temp_path %[2]s/scgi;
	types { text/html html; text/css css; text/javascript js; application/xml xml; text/plain txt; }
	default_type application/octet-stream;
	server {
		listen 127.0.0.1:%[3]d;
		root %[4]s;
		disable_symlinks off;
		error_page 404 /404.html;
	}
}
`, user, dir, port, root)
		if err := os.WriteFile(cfg, []byte(conf), 0o600); err != nil {
			t.Fatal(err)
		}
		return exec.Command(progs["nginx"], "-p", dir, "-c", cfg, "-e", "stderr")
	})
	return "http://127.0.0.1:" + strconv.Itoa(port)
}
