package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// torvBinary builds the torv command once for the tests that need a
// process of its own: one to kill, or two to run at once.
var torvBinary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "torv-bin-")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "torv")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds torv and runs it as a process; skipped with -short")
	}
	bin, err := torvBinary()
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// reference builds site into a folder of its own and returns the tree's
// hash: what a destination holds after a whole build of it.
func reference(t *testing.T, site string) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runCLI("build", "-source", site, "-destination", dest, "-quiet"); code != exitOK {
		t.Fatalf("reference build: exit %d\n%s", code, stderr)
	}
	return treeHash(t, dest)
}

// Two builds of two sites into one destination, started at once, twenty
// times: each time one of them fails with the lock message naming the
// other, and the destination is exactly the other's output.
func TestTwoBuildsAtOnceNeverMix(t *testing.T) {
	bin := binary(t)
	sites := []string{writeSite(t, 120), writeSite(t, 80)}
	refs := []string{reference(t, sites[0]), reference(t, sites[1])}
	dest := filepath.Join(t.TempDir(), "public")
	for round := range 20 {
		cmds := make([]*exec.Cmd, 2)
		outs := make([]strings.Builder, 2)
		for i, site := range sites {
			cmds[i] = exec.Command(bin, "build", "-source", site, "-destination", dest, "-quiet", "-wait", "0")
			cmds[i].Stderr = &outs[i]
		}
		for _, c := range cmds {
			if err := c.Start(); err != nil {
				t.Fatal(err)
			}
		}
		errs := make([]error, 2)
		for i, c := range cmds {
			errs[i] = c.Wait() // both, before the folder is looked at
		}
		var winner, losers int
		for i, err := range errs {
			if err == nil {
				winner = i
				continue
			}
			losers++
			other := strconv.Itoa(cmds[1-i].Process.Pid)
			if msg := outs[i].String(); !strings.Contains(msg, "another torv build (process "+other+", started at ") {
				t.Fatalf("round %d: build %d failed without naming build %s:\n%s", round, i, other, msg)
			}
		}
		if losers != 1 {
			t.Fatalf("round %d: %d builds failed, want 1:\n%s\n%s", round, losers, outs[0].String(), outs[1].String())
		}
		if got := treeHash(t, dest); got != refs[winner] {
			t.Fatalf("round %d: the destination is not site %d's output", round, winner)
		}
	}
}

// A 3 000-page build killed with SIGKILL at random moments leaves the
// destination as the old site or the new one, never a mix, and the next
// build leaves nothing behind but the destination and its spare.
func TestKilledBuildLeavesOldOrNew(t *testing.T) {
	bin := binary(t)
	site := writeSite(t, 3000)
	dest := filepath.Join(t.TempDir(), "public")
	parent := filepath.Dir(dest)
	build := func() (time.Duration, error) {
		start := time.Now()
		err := exec.Command(bin, "build", "-source", site, "-destination", dest, "-quiet").Run()
		return time.Since(start), err
	}
	// Version v of the site changes every page's text and drops a tenth
	// of the pages, so that a new build rewrites and deletes files.
	versions := make([]string, 2)
	var took time.Duration
	for v := range versions {
		setVersion(t, site, v)
		d, err := build()
		if err != nil {
			t.Fatalf("build of version %d: %v", v, err)
		}
		took = max(took, d)
		versions[v] = treeHash(t, dest)
	}
	seed := uint64(time.Now().UnixNano())
	if s, err := strconv.ParseUint(os.Getenv("TORV_KILL_SEED"), 10, 64); err == nil {
		seed = s // replays a failed run's moments, as far as the machine's speed allows
	}
	t.Logf("seed %d (TORV_KILL_SEED replays it; a full build takes %v)", seed, took)
	rng := rand.New(rand.NewPCG(seed, 1))
	for round := range 8 {
		setVersion(t, site, round%2)
		cmd := exec.Command(bin, "build", "-source", site, "-destination", dest, "-quiet")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		after := time.Duration(rng.Int64N(int64(took) * 12 / 10))
		time.Sleep(after)
		cmd.Process.Kill()
		cmd.Wait()
		if h := treeHash(t, dest); h != versions[0] && h != versions[1] {
			t.Fatalf("round %d (killed after %v): the destination is neither the old site nor the new one", round, after)
		}
	}
	setVersion(t, site, 0)
	if _, err := build(); err != nil {
		t.Fatalf("the build after the kills: %v", err)
	}
	if treeHash(t, dest) != versions[0] {
		t.Fatal("the build after the kills did not write the site")
	}
	names, _ := os.ReadDir(parent)
	if len(names) != 2 || names[0].Name() != ".public.torv-spare" || names[1].Name() != "public" {
		t.Errorf("beside the destination after the next build: %v, want only the spare and public", names)
	}
	if _, err := os.Stat(filepath.Join(parent, ".public.torv-spare", ".torv-manifest.json")); err != nil {
		t.Errorf("the spare is not a whole build: %v", err)
	}
	if _, err := os.Stat(filepath.Join(parent, ".public.torv-spare", ".torv-staging")); err == nil {
		t.Error("the spare is still marked as being written")
	}
}

// setVersion rewrites the pages of a writeSite site as version v.
func setVersion(t *testing.T, site string, v int) {
	t.Helper()
	dir := filepath.Join(site, "content", "sider")
	for i := range 3000 {
		p := filepath.Join(dir, fmt.Sprintf("side-%03d.md", i))
		if i%10 == v {
			os.Remove(p)
			continue
		}
		text := fmt.Sprintf("+++\ntitle = \"Side %d\"\n+++\n\nTekst %d i udgave %d.\n", i, i, v)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
