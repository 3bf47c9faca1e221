package hosttest

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/torv/torv/internal/loopback"
)

// openUp lets a server's worker processes, which run as another user
// when the test runs as root, read the site: t.TempDir() makes folders
// only their owner may enter. It opens the folders below the system's
// temporary folder and never that folder itself, which every user of the
// machine shares (0755 there stops other users' programs, apt's among
// them, from making their temporary files).
func openUp(t *testing.T, dirs ...string) {
	t.Helper()
	if os.Geteuid() != 0 {
		return
	}
	tmp := filepath.Clean(os.TempDir()) + string(filepath.Separator)
	for _, d := range dirs {
		for p := filepath.Clean(d); strings.HasPrefix(p, tmp); p = filepath.Dir(p) {
			if err := os.Chmod(p, 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// startNginx serves public with nginx and torv's include file.
func startNginx(t *testing.T, public string) *loopback.Server {
	bin := loopback.Need(t, "nginx", "nginx")["nginx"]
	return loopback.Nginx(t, bin, "\tinclude /etc/nginx/mime.types;\n\tdefault_type application/octet-stream;",
		"\t\tserver_name localhost;\n\t\troot "+public+";\n\t\tindex index.html;\n\t\tinclude "+public+"/torv-nginx.conf;")
}

// apacheModules are the modules torv's .htaccess and the test's own
// configuration need, from Debian's apache2.
var apacheModules = []string{"mpm_event", "authz_core", "headers", "rewrite", "alias", "mime", "dir"}

// startApache serves public with Apache, reading torv's .htaccess.
func startApache(t *testing.T, public string) *loopback.Server {
	bin := loopback.Need(t, "apache2", "apache2")["apache2"]
	dir := t.TempDir()
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
ErrorLog /dev/stderr
LogLevel warn
Listen 127.0.0.1:PORT
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
	return loopback.Serve(t, "apache", func(port int) *exec.Cmd {
		path := filepath.Join(dir, "apache2.conf")
		if err := os.WriteFile(path, []byte(strings.Replace(b.String(), "127.0.0.1:PORT", fmt.Sprintf("127.0.0.1:%d", port), 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		return exec.Command(bin, "-f", path, "-DFOREGROUND")
	})
}

// TestMain fails the run when a test changed the mode of the system's
// temporary folder, which openUp must leave as it found it.
func TestMain(m *testing.M) {
	before, err := os.Stat(os.TempDir())
	code := m.Run()
	if after, err2 := os.Stat(os.TempDir()); err == nil && err2 == nil && after.Mode() != before.Mode() {
		fmt.Fprintf(os.Stderr, "the tests changed %s from %v to %v\n", os.TempDir(), before.Mode(), after.Mode())
		os.Chmod(os.TempDir(), before.Mode().Perm()|before.Mode()&fs.ModeSticky)
		code = 1
	}
	os.Exit(code)
}
