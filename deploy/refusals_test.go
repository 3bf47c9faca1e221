package deploy

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/torv/torv/internal/build"
	"github.com/torv/torv/internal/loopback"
	"github.com/torv/torv/internal/outdir"
)

// smallSite writes a one-page site as torv build writes it (its manifest
// included): what torv-publish checks is that torv made the folder.
func smallSite(t *testing.T) string {
	t.Helper()
	out := build.NewOutput()
	if err := out.Add("index.html", []byte("<!doctype html><title>Fjordby</title><p>Hej")); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	dir, err := outdir.Open(dest, outdir.Options{Site: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer dir.Close()
	if err := dir.Write(out); err != nil {
		t.Fatal(err)
	}
	return dest
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// TestRefusals checks that torv-publish stops with one clear line, the
// exit code of a failure (1) or a wrong command line (2), and touches
// nothing it did not make, whenever it cannot or must not publish.
func TestRefusals(t *testing.T) {
	t.Parallel()
	progs := need(t, "bash", "sshd", "ssh", "ssh-keygen", "rsync")
	ssh := startSSH(t, progs)
	site := smallSite(t)
	// ssh, except that rsync's upload through it breaks off.
	flaky := filepath.Join(t.TempDir(), "flaky-ssh")
	write(t, flaky, "#!/bin/sh\ncase \"$*\" in *'rsync --server'*) echo 'Connection reset by peer' >&2; exit 12 ;; esac\nexec ssh \"$@\"\n")
	if err := os.Chmod(flaky, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		setup func(t *testing.T, srv string) // prepares DIR on the server
		rsh   string                         // the -e command; the test server's when ""
		args  func(srv string) []string      // torv-publish's arguments
		code  int
		want  string
		noisy bool                           // ssh or rsync say something first
		after func(t *testing.T, srv string) // what must still be true
	}{{
		name: "no ssh client",
		rsh:  "/nonexistent/bin/ssh",
		args: func(srv string) []string { return []string{"publish", site, "127.0.0.1:" + srv} },
		code: 1, want: "/nonexistent/bin/ssh not found: publishing needs an SSH client",
	}, {
		name: "server not listening",
		rsh:  "ssh -F /dev/null -o BatchMode=yes -p " + strconv.Itoa(loopback.FreePort(t)),
		args: func(srv string) []string { return []string{"publish", site, "127.0.0.1:" + srv} },
		code: 1, want: "cannot reach 127.0.0.1 over SSH",
	}, {
		name: "folder missing on the server",
		args: func(srv string) []string { return []string{"publish", site, "127.0.0.1:" + srv + "/nowhere"} },
		code: 1, want: "/nowhere does not exist on",
	}, {
		name: "folder not writable",
		// /proc takes no new folder, not even from root.
		args: func(string) []string { return []string{"publish", site, "127.0.0.1:/proc"} },
		code: 1, want: " is not writable by ",
		after: func(t *testing.T, _ string) {
			if exists("/proc/releases") {
				t.Error("/proc/releases was made")
			}
		},
	}, {
		name: "not a folder torv build wrote",
		args: func(srv string) []string { return []string{"publish", t.TempDir(), "127.0.0.1:" + srv} },
		code: 1, want: "has no .torv-manifest.json, so torv build did not write it",
	}, {
		name:  "releases folder made by someone else",
		setup: func(t *testing.T, srv string) { write(t, srv+"/releases/old/index.html", "old") },
		args:  func(srv string) []string { return []string{"publish", site, "127.0.0.1:" + srv} },
		code:  1, want: "/releases was not made by torv-publish",
		after: func(t *testing.T, srv string) {
			if !exists(srv+"/releases/old/index.html") || exists(srv+"/current") {
				t.Error("the releases folder that was there was changed, or current made")
			}
		},
	}, {
		name:  "current is a folder",
		setup: func(t *testing.T, srv string) { write(t, srv+"/current/index.html", "the site before") },
		args:  func(srv string) []string { return []string{"publish", site, "127.0.0.1:" + srv} },
		code:  1, want: "/current is a folder or file, not the link torv-publish makes; move it away first",
		after: func(t *testing.T, srv string) {
			if !exists(srv+"/current/index.html") || exists(srv+"/releases") {
				t.Error("the current folder was changed, or a releases folder made")
			}
		},
	}, {
		name: "current links somewhere else",
		setup: func(t *testing.T, srv string) {
			if err := os.Symlink("/var/www/html", srv+"/current"); err != nil {
				t.Fatal(err)
			}
		},
		args: func(srv string) []string { return []string{"publish", site, "127.0.0.1:" + srv} },
		code: 1, want: "/current points at /var/www/html, not at a release of torv-publish",
	}, {
		name: "rollback before any publish",
		args: func(srv string) []string { return []string{"rollback", "127.0.0.1:" + srv} },
		code: 1, want: "nothing to roll back to: ",
	}, {
		name:  "rollback with one release",
		setup: publishOnce(ssh, site),
		args:  func(srv string) []string { return []string{"rollback", "127.0.0.1:" + srv} },
		code:  1, want: "is the oldest release in ",
	}, {
		name:  "rollback to a release that is not there",
		setup: publishOnce(ssh, site),
		args:  func(srv string) []string { return []string{"rollback", "127.0.0.1:" + srv, "20000101T000000Z"} },
		code:  1, want: "there is no release 20000101T000000Z in ",
	}, {
		name: "another publish is running",
		setup: func(t *testing.T, srv string) {
			publishOnce(ssh, site)(t, srv)
			write(t, srv+"/releases/.torv-lock/holder", "42-1-1 2026-03-01T10:15:00Z by deploy@ci")
		},
		args: func(srv string) []string { return []string{"publish", site, "127.0.0.1:" + srv} },
		code: 1, want: "another torv-publish is working on ",
		after: func(t *testing.T, srv string) {
			if !exists(srv + "/releases/.torv-lock/holder") {
				t.Error("the other publish's lock was removed")
			}
			if n := len(releases(t, srv)); n != 2 { // its release and the lock
				t.Errorf("releases/ holds %d folders, want the one release and the lock", n)
			}
		},
	}, {
		name:  "upload breaks off",
		setup: publishOnce(ssh, site),
		rsh:   flaky + strings.TrimPrefix(ssh.rsh(), "ssh"),
		args:  func(srv string) []string { return []string{"publish", site, "127.0.0.1:" + srv} },
		code:  1, want: "failed (rsync exit 12); the current release is unchanged", noisy: true,
		after: func(t *testing.T, srv string) {
			// The unfinished upload and the lock are gone; the one
			// release is current.
			if got := releases(t, srv); len(got) != 1 || got[0] != currentRelease(t, srv) {
				t.Errorf("releases/ holds %v after a failed upload; want the current release only", got)
			}
		},
	}, {
		name: "no HOST:DIR",
		args: func(srv string) []string { return []string{"publish", site, srv} },
		code: 1, want: "is not HOST:DIR",
	}, {
		name: "keep zero releases",
		args: func(srv string) []string { return []string{"publish", "-k", "0", site, "127.0.0.1:" + srv} },
		code: 1, want: "-k wants a number of releases of 1 or more",
	}, {
		name: "unknown action",
		args: func(srv string) []string { return []string{"deploy", "127.0.0.1:" + srv} },
		code: 2, want: "usage: torv-publish publish",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel() // each waits on ssh more than on the processor
			srv := t.TempDir()
			if tt.setup != nil {
				tt.setup(t, srv)
			}
			rsh := tt.rsh
			if rsh == "" {
				rsh = ssh.rsh()
			}
			args := tt.args(srv)
			// -e goes after the action, as a user writes it.
			cmd := exec.Command("./torv-publish", append([]string{args[0], "-e", rsh}, args[1:]...)...)
			out, err := cmd.CombinedOutput()
			code := cmd.ProcessState.ExitCode()
			if err == nil || code != tt.code || !strings.Contains(string(out), tt.want) {
				t.Errorf("torv-publish %s: exit %d, output:\n%s\nwant exit %d and %q", strings.Join(args, " "), code, out, tt.code, tt.want)
			}
			if tt.code == 1 && !tt.noisy && strings.Count(strings.TrimSpace(string(out)), "\n") > 0 {
				t.Errorf("a refusal is one line; got:\n%s", out)
			}
			if tt.after != nil {
				tt.after(t, srv)
			}
		})
	}
}

func publishOnce(ssh *sshServer, site string) func(t *testing.T, srv string) {
	return func(t *testing.T, srv string) {
		t.Helper()
		publish(t, ssh, "publish", site, "127.0.0.1:"+srv)
	}
}

// TestReleaseOrder checks that a release is named after every release
// before it even when the server's clock is behind the newest name (here a
// release from 2999), so that the newest is never the one pruned, and that
// -k sets how many are kept.
func TestReleaseOrder(t *testing.T) {
	t.Parallel()
	progs := need(t, "bash", "sshd", "ssh", "ssh-keygen", "rsync")
	ssh := startSSH(t, progs)
	site := smallSite(t)
	srv := t.TempDir()
	target := "127.0.0.1:" + srv
	first := release(t, publish(t, ssh, "publish", site, target))
	// The clock went back: the release there is newer than now.
	future := "29991231T235959Z"
	if err := os.Rename(filepath.Join(srv, "releases", first), filepath.Join(srv, "releases", future)); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(srv, "current")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("releases/"+future, filepath.Join(srv, "current")); err != nil {
		t.Fatal(err)
	}
	var names []string
	for range 2 {
		names = append(names, release(t, publish(t, ssh, "publish", "-k", "2", site, target)))
	}
	if want := []string{future + "-2", future + "-3"}; !slices.Equal(names, want) {
		t.Errorf("publishes after %s were named %v, want %v", future, names, want)
	}
	if got := releases(t, srv); !slices.Equal(got, names) {
		t.Errorf("with -k 2, releases/ holds %v, want %v", got, names)
	}
	if cur := currentRelease(t, srv); cur != future+"-3" {
		t.Errorf("current is %s, want %s-3", cur, future)
	}
}
