package outdir

import (
	"bytes"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// fullEnv makes the test binary a build whose files may not grow past
// fullLimit bytes (RLIMIT_FSIZE), so a Put fails the way it fails on a
// full disk: the write returns an error half-way through the file. The
// limit is set in a process of its own because it holds for the whole
// process.
const (
	fullEnv   = "TORV_OUTDIR_TEST_FULL"
	fullLimit = 64 << 10
)

func init() {
	dest := os.Getenv(fullEnv)
	if dest == "" {
		return
	}
	signal.Ignore(syscall.SIGXFSZ) // the write returns EFBIG instead of killing us
	lim := syscall.Rlimit{Cur: fullLimit, Max: fullLimit}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		os.Stdout.WriteString("setrlimit: " + err.Error() + "\n")
		os.Exit(2)
	}
	files := many(150, "full")
	files["zz/big.pdf"] = strings.Repeat("x", 4*fullLimit)
	d, err := Open(dest, Options{})
	if err == nil {
		var st *Staging
		if st, err = d.Begin(); err == nil {
			if err = putAll(st, files); err == nil {
				err = st.Commit()
			}
			st.Abort()
		}
		d.Close()
	}
	if err == nil {
		os.Stdout.WriteString("built\n")
		os.Exit(0)
	}
	os.Stdout.WriteString("error: " + err.Error() + "\n")
	os.Exit(1)
}

// fullBuild runs a build into dest that runs out of room and returns what
// it printed.
func fullBuild(t *testing.T, dest string) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), fullEnv+"="+dest)
	out, err := cmd.Output()
	if err == nil || !bytes.HasPrefix(out, []byte("error: ")) {
		t.Fatalf("a build past the file size limit said %q (%v), not an error", out, err)
	}
	return string(out)
}

// A build that runs out of room fails, leaves the destination as it was
// and no half-written spare; the build after it writes the whole site.
func TestOutOfRoom(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	spare := filepath.Join(root, ".public"+SpareSuffix)

	// A first build: nothing existed, nothing may be left.
	if out := fullBuild(t, dest); !strings.Contains(out, "file too large") {
		t.Errorf("the build did not fail on the size limit: %s", out)
	}
	if names, _ := os.ReadDir(root); len(names) != 0 {
		t.Errorf("a first build that ran out of room left %v", names)
	}

	// A later build: the destination stays byte for byte and the spare it
	// half wrote is deleted, as the disk is likely full.
	stream(t, dest, siteA)
	stream(t, dest, siteB)
	before := treeHash(t, dest)
	fullBuild(t, dest)
	if treeHash(t, dest) != before {
		t.Error("a build that ran out of room changed the destination")
	}
	if _, err := os.Lstat(spare); err == nil {
		t.Error("a build that ran out of room left its half-written spare taking space")
	}
	noLitter(t, root)
	next := many(50, "after")
	stream(t, dest, next)
	tree(t, dest, next)
	tree(t, spare, siteB)
	noLitter(t, root)
}
