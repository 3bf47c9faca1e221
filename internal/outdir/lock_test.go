package outdir

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// holdEnv makes the test binary a build that takes the lock of the
// destination it names, starts staging a spare and then hangs, until it is
// killed: the other side of the lock tests, in a process of its own.
const holdEnv = "TORV_OUTDIR_TEST_HOLD"

func TestMain(m *testing.M) {
	if dest := os.Getenv(streamEnv); dest != "" {
		streamUntilKilled(dest)
	}
	if dest := os.Getenv(holdEnv); dest != "" {
		d, err := Open(dest, Options{})
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		os.MkdirAll(d.spare, 0o755)
		os.WriteFile(filepath.Join(d.spare, stagingName), []byte(stagingNote), 0o644)
		os.WriteFile(filepath.Join(d.spare, "half.html"), []byte("half"), 0o644)
		fmt.Println("held")
		time.Sleep(time.Hour)
	}
	os.Exit(m.Run())
}

// holder starts a process that holds dest's lock and returns it once the
// lock is held.
func holder(t *testing.T, dest string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), holdEnv+"="+dest)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line, _ := bufio.NewReader(out).ReadString('\n')
	if line != "held\n" {
		t.Fatalf("the holding process said %q", line)
	}
	return cmd
}

func TestSecondBuildWaitsThenNamesTheFirst(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	h := holder(t, dest)
	start := time.Now()
	_, err := Open(dest, Options{Wait: 300 * time.Millisecond})
	if err == nil {
		t.Fatal("a second build took a held lock")
	}
	if waited := time.Since(start); waited < 300*time.Millisecond {
		t.Errorf("gave up after %v, before -wait's 300ms", waited)
	}
	msg := err.Error()
	for _, want := range []string{"another torv build (process " + strconv.Itoa(h.Process.Pid) + ", started at ", "is writing to this folder", "wait for it to finish"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message\n\t%s\nlacks %q", msg, want)
		}
	}
}

// A build killed with SIGKILL leaves its lock file and a half-written
// spare; the next build takes the lock at once and deletes the spare.
func TestKilledBuildsLockIsTakenOver(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	if err := write(dest, Options{}, siteA); err != nil {
		t.Fatal(err)
	}
	h := holder(t, dest)
	if err := h.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	h.Wait()
	if _, err := os.Stat(filepath.Join(root, ".public.torv-lock")); err != nil {
		t.Fatalf("the killed build left no lock file, so this test shows nothing: %v", err)
	}
	d, err := Open(dest, Options{Wait: 0})
	if err != nil {
		t.Fatalf("the lock of a dead build was not taken over: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, ".public.torv-spare", "half.html")); err == nil {
		t.Error("the half-written spare was not deleted")
	}
	if err := d.Write(siteB); err != nil {
		t.Fatal(err)
	}
	d.Close()
	tree(t, dest, siteB)
	names, _ := os.ReadDir(root)
	if len(names) != 2 {
		t.Errorf("beside the destination: %v, want only public and its spare", names)
	}
}

// Two builds at once into one destination: one writes, the other fails
// with the lock message, and the destination is one site's output.
func TestTwoBuildsAtOnce(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	big := func(tag string) site {
		s := site{}
		for i := range 300 {
			s[fmt.Sprintf("p%d/index.html", i)] = tag + strings.Repeat(".", 2000)
		}
		return s
	}
	a, b := big("a"), big("b")
	for round := range 20 {
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i, s := range []site{a, b} {
			wg.Go(func() {
				d, err := Open(dest, Options{})
				if err != nil {
					errs[i] = err
					return
				}
				defer d.Close()
				time.Sleep(50 * time.Millisecond) // the build itself
				errs[i] = d.Write(s)
			})
		}
		wg.Wait()
		failed := 0
		for _, err := range errs {
			if err != nil {
				failed++
				if !strings.Contains(err.Error(), "another torv build") {
					t.Fatalf("round %d: %v", round, err)
				}
			}
		}
		if failed != 1 {
			t.Fatalf("round %d: %d builds failed, want 1", round, failed)
		}
		got := snapshot(t, dest)
		if got["p0/index.html"] != a["p0/index.html"] && got["p0/index.html"] != b["p0/index.html"] {
			t.Fatalf("round %d: neither site", round)
		}
		want := a
		if got["p0/index.html"] == b["p0/index.html"] {
			want = b
		}
		tree(t, dest, want)
	}
}
