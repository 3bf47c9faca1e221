package loopback

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Need returns the path of each named program. install is the Debian
// packages that provide them, for the message.
func Need(t testing.TB, install string, names ...string) map[string]string {
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
		msg := fmt.Sprintf("the test needs %s: apt-get install %s", strings.Join(missing, ", "), install)
		if os.Getenv("CI") == "true" {
			t.Fatal(msg + " (CI=true requires it)")
		}
		t.Skip("skipped: " + msg)
	}
	return found
}

// A Server is a server Serve started.
type Server struct {
	Name string
	Port int
	URL  string // http://127.0.0.1:Port
	log  *logBuffer
}

// Log is what the server printed so far.
func (s *Server) Log() string { return s.log.String() }

// Serve starts the server that command makes for a port and returns it
// once the port accepts. command may write its configuration for the port
// before it returns.
func Serve(t testing.TB, name string, command func(port int) *exec.Cmd) *Server {
	t.Helper()
	var last *logBuffer
	for range 3 {
		port := FreePort(t)
		cmd := command(port)
		log := &logBuffer{}
		last = log
		cmd.Stdout, cmd.Stderr = log, log
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
		if err := cmd.Start(); err != nil {
			t.Fatalf("starting %s: %v", name, err)
		}
		exited := make(chan struct{})
		go func() { cmd.Wait(); close(exited) }()
		t.Cleanup(func() { stop(t, name, cmd, exited, log) })
		if listening(port, exited) {
			return &Server{Name: name, Port: port, URL: "http://127.0.0.1:" + strconv.Itoa(port), log: log}
		}
	}
	t.Fatalf("%s did not start:\n%s", name, last)
	return nil
}

// FreePort is a loopback port nothing listened on a moment ago.
func FreePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// listening waits up to 15 s for the port to accept, false if the server
// exited first.
func listening(port int, exited <-chan struct{}) bool {
	addr := "127.0.0.1:" + strconv.Itoa(port)
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); {
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

func stop(t testing.TB, name string, cmd *exec.Cmd, exited <-chan struct{}, log *logBuffer) {
	select {
	case <-exited:
	default:
		syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			t.Errorf("%s did not stop on SIGTERM; killed", name)
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			<-exited
		}
	}
	if t.Failed() {
		lines := strings.Split(strings.TrimSpace(log.String()), "\n")
		t.Logf("%s's output, the end:\n%s", name, strings.Join(lines[max(0, len(lines)-30):], "\n"))
	}
}

// Nginx starts nginx (the program at bin) with http's lines in its http
// block and server's in its one server block, which listens on loopback.
// Its error log is its standard error, kept by Serve.
func Nginx(t testing.TB, bin, http, server string) *Server {
	t.Helper()
	dir := t.TempDir()
	userLine := ""
	if os.Geteuid() == 0 {
		// Run by root, nginx's workers would be nobody, who cannot enter
		// the test's private temporary folders.
		if u, err := user.Current(); err == nil {
			userLine = "user " + u.Username + ";"
		}
	}
	return Serve(t, "nginx", func(port int) *exec.Cmd {
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
%[4]s
	server {
		listen 127.0.0.1:%[3]d;
%[5]s
	}
}
`, userLine, dir, port, http, server)
		if err := os.WriteFile(cfg, []byte(conf), 0o600); err != nil {
			t.Fatal(err)
		}
		return exec.Command(bin, "-p", dir, "-c", cfg, "-e", "stderr")
	})
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
