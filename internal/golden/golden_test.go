package golden_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/torv/torv/internal/golden"
)

// recorder is a testing.TB that keeps what a check reports.
type recorder struct {
	testing.TB
	errs, fatals []string
}

func (r *recorder) Helper()                   {}
func (r *recorder) Errorf(f string, a ...any) { r.errs = append(r.errs, f) }
func (r *recorder) Fatalf(f string, a ...any) { r.fatals = append(r.fatals, f); panic(r) }
func (r *recorder) Fatal(a ...any)            { r.fatals = append(r.fatals, "fatal"); panic(r) }

func run(t *testing.T, file string, got string, update bool) (r *recorder) {
	r = &recorder{TB: t}
	defer func() {
		if x := recover(); x != nil && x != r {
			panic(x)
		}
	}()
	golden.Check(r, "./x", file, []byte(got), update)
	return r
}

func TestCheck(t *testing.T) {
	file := filepath.Join(t.TempDir(), "sub", "a.html")
	if r := run(t, file, "<p>\n", false); len(r.fatals) != 1 {
		t.Errorf("a missing golden file is not fatal: %+v", r)
	}
	if r := run(t, file, "<p>a</p>\n", true); len(r.errs)+len(r.fatals) > 0 {
		t.Errorf("update reports: %+v", r)
	}
	if b, _ := os.ReadFile(file); string(b) != "<p>a</p>\n" {
		t.Errorf("update wrote %q", b)
	}
	if r := run(t, file, "<p>a</p>\n", false); len(r.errs)+len(r.fatals) > 0 {
		t.Errorf("the same output differs: %+v", r)
	}
	if r := run(t, file, "<p>b</p>\n", false); len(r.errs) != 1 {
		t.Errorf("other output does not differ: %+v", r)
	}
}

func TestFirstDiff(t *testing.T) {
	got := golden.FirstDiff("a\nb\nc", "a\nx\nc")
	if !strings.Contains(got, "line 2:") || !strings.Contains(got, "want: b") || !strings.Contains(got, "got:  x") {
		t.Errorf("FirstDiff = %q", got)
	}
	if got := golden.FirstDiff("a\n", "a\n"); got != "" {
		t.Errorf("same texts differ: %q", got)
	}
}
