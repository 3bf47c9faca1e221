package hosttest

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A server is a web server the test started.
type server struct {
	name string
	url  string // http://127.0.0.1:PORT
	log  string // its error log, shown when a check fails
}

// need finds a program, or skips the test (fails it with CI=true).
func need(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if _, serr := os.Stat("/usr/sbin/" + name); serr == nil {
			return "/usr/sbin/" + name
		}
		msg := fmt.Sprintf("%s is not installed: apt-get install %s (the test serves the site with it)", name, pkg)
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return p
}

// freePort is a loopback port nothing listens on.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// start runs cmd until the test ends and waits until it answers at port.
func start(t *testing.T, s *server, cmd *exec.Cmd, port int) {
	t.Helper()
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatalf("%s: %v", s.name, err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	t.Cleanup(func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			<-done
		}
	})
	deadline := time.Now().Add(15 * time.Second)
	for {
		select {
		case err := <-done:
			log, _ := os.ReadFile(s.log)
			t.Fatalf("%s stopped at once (%v):\n%s\n%s", s.name, err, out.String(), log)
		default:
		}
		if c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port)); err == nil {
			c.Close()
			return
		}
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(s.log)
			t.Fatalf("%s does not answer on port %d after 15 s:\n%s\n%s", s.name, port, out.String(), log)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// openUp lets a server's worker processes, which run as another user
// when the test runs as root, read the site: t.TempDir() makes folders
// only their owner may enter.
func openUp(t *testing.T, dirs ...string) {
	t.Helper()
	if os.Geteuid() != 0 {
		return
	}
	for _, d := range dirs {
		for p := d; p != "/" && p != "." && strings.HasPrefix(p, os.TempDir()); p = filepath.Dir(p) {
			if err := os.Chmod(p, 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// startNginx serves public with nginx and torv's include file.
func startNginx(t *testing.T, public string) *server {
	bin := need(t, "nginx", "nginx")
	dir := t.TempDir()
	port := freePort(t)
	s := &server{name: "nginx", url: fmt.Sprintf("http://127.0.0.1:%d", port), log: filepath.Join(dir, "error.log")}
	userLine := ""
	if os.Geteuid() == 0 {
		u, _ := user.Current()
		userLine = "user " + u.Username + ";\n" // the workers read t.TempDir()
	}
	conf := userLine + `worker_processes 1;
pid ` + dir + `/nginx.pid;
error_log ` + s.log + ` warn;
events { worker_connections 64; }
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	access_log off;
	client_body_temp_path ` + dir + `/body;
	proxy_temp_path ` + dir + `/proxy;
	fastcgi_temp_path ` + dir + `/fastcgi;
	uwsgi_temp_path ` + dir + `/uwsgi;
	scgi_temp_path ` + dir + `/scgi;
	server {
		listen 127.0.0.1:` + fmt.Sprint(port) + `;
		server_name localhost;
		root ` + public + `;
		index index.html;
		include ` + public + `/torv-nginx.conf;
	}
}
`
	path := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(path, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	start(t, s, exec.Command(bin, "-c", path, "-p", dir, "-e", s.log, "-g", "daemon off;"), port)
	return s
}

// apacheModules are the modules torv's .htaccess and the test's own
// configuration need, from Debian's apache2.
var apacheModules = []string{"mpm_event", "authz_core", "headers", "rewrite", "alias", "mime", "dir"}

// startApache serves public with Apache, reading torv's .htaccess.
func startApache(t *testing.T, public string) *server {
	bin := need(t, "apache2", "apache2")
	dir := t.TempDir()
	port := freePort(t)
	s := &server{name: "apache", url: fmt.Sprintf("http://127.0.0.1:%d", port), log: filepath.Join(dir, "error.log")}
	var b strings.Builder
	for _, m := range apacheModules {
		fmt.Fprintf(&b, "LoadModule %s_module /usr/lib/apache2/modules/mod_%s.so\n", m, m)
	}
	if os.Geteuid() == 0 {
		// Apache refuses to serve as root: its children run as nobody.
		b.WriteString("User nobody\nGroup nogroup\n")
		openUp(t, public, dir)
	}
	b.WriteString(`ServerRoot ` + dir + `
DefaultRuntimeDir ` + dir + `
PidFile ` + dir + `/apache.pid
Mutex file:` + dir + ` default
ErrorLog ` + s.log + `
LogLevel warn
Listen 127.0.0.1:` + fmt.Sprint(port) + `
ServerName 127.0.0.1
TypesConfig /etc/mime.types
DocumentRoot ` + public + `
<Directory />
	AllowOverride None
	Require all denied
</Directory>
<Directory ` + public + `>
	AllowOverride All
	Require all granted
</Directory>
<Files ".ht*">
	Require all denied
</Files>
`)
	path := filepath.Join(dir, "apache2.conf")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	start(t, s, exec.Command(bin, "-f", path, "-DFOREGROUND"), port)
	return s
}
