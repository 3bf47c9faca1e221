package outputs_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/build"
)

// jing returns the path of Debian's jing, the RELAX NG validator, or
// skips the test without it (and fails it in CI, which installs it).
func jing(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("jing")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("jing is not installed; .ci/run installs it with apt-get install jing")
		}
		t.Skip("jing is not installed, so the feeds are not checked against RFC 4287's schema; install it with apt-get install jing")
	}
	return path
}

// validate runs jing -c with RFC 4287's RELAX NG schema (appendix B,
// testdata/atom.rnc) on files, and returns its report.
func validate(t *testing.T, files map[string][]byte) (string, error) {
	t.Helper()
	dir := t.TempDir()
	args := []string{"-c", "testdata/atom.rnc"}
	for name, b := range files {
		p := filepath.Join(dir, strings.ReplaceAll(name, "/", "_"))
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	out, err := exec.Command(jing(t), args...).CombinedOutput()
	// jing's Debian wrapper warns about optional jars on stderr.
	var report []string
	for line := range strings.SplitSeq(string(out), "\n") {
		if line != "" && !strings.HasPrefix(line, "[warning] ") {
			report = append(report, line)
		}
	}
	return strings.Join(report, "\n"), err
}

// TestFeedsValid: every feed of the example site and of the feed test
// site, one with a control character in its text among them, is valid
// Atom by RFC 4287's schema, checked by a real validator; and the check
// bites: a feed without its id is not.
func TestFeedsValid(t *testing.T) {
	jing(t)
	files := map[string][]byte{}
	ex := build.Build(os.DirFS("../.."), torv.Defaults(), build.Options{})
	site := build.Build(feedSite("https://testby.example/borger/", map[string]string{
		"content/nyheder/kontrol.md": "+++\ntitle = \"Tegn\"\ndate = 2026-05-01\n+++\n\nEt \x0b lodret tabulatortegn og \"citat\".\n",
	}), torv.Defaults(), build.Options{})
	for name, res := range map[string]*build.Result{"example": ex, "site": site} {
		if res.Output == nil {
			t.Fatalf("%s does not build:\n%v", name, res.Diags)
		}
		for _, p := range res.Output.Paths() {
			if strings.HasSuffix(p, "feed.xml") {
				files[name+"/"+p], _ = res.Output.Get(p)
			}
		}
	}
	if len(files) != len(exampleFeeds)+len(siteFeeds) {
		t.Fatalf("%d feeds, want %d", len(files), len(exampleFeeds)+len(siteFeeds))
	}
	if report, err := validate(t, files); err != nil || report != "" {
		t.Errorf("the feeds are not valid Atom (%v):\n%s", err, report)
	}
	b := files["example/nyheder/feed.xml"]
	start, end := strings.Index(string(b), "<id>"), strings.Index(string(b), "</id>")+len("</id>\n")
	broken := append([]byte(string(b[:start])), b[end:]...)
	if report, err := validate(t, map[string][]byte{"broken.xml": broken}); err == nil || !strings.Contains(report, `"id"`) {
		t.Errorf("a feed without an id passed the validator (%v):\n%s", err, report)
	}
}
