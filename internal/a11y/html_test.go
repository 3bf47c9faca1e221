package a11y

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// vnuJar is the Nu Html Checker from npm's vnu-jar (npm ci).
func vnuJar(t testing.TB) string {
	t.Helper()
	jar := filepath.Join(repoRoot, "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	if _, err := os.Stat(jar); err != nil {
		need(t, "the Nu Html Checker is missing ("+jar+"): run npm ci in the repository root")
	}
	if _, err := exec.LookPath("java"); err != nil {
		need(t, "the Nu Html Checker needs Java: apt-get install default-jre-headless")
	}
	abs, err := filepath.Abs(jar)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// vnuMessage is one message of vnu's JSON output.
type vnuMessage struct {
	Type, SubType, URL, Message, Extract string
	LastLine                             int
}

// vnu checks the files (name -> HTML) with the Nu Html Checker in one
// run of Java and returns its errors by name.
func vnu(t testing.TB, jar string, files map[string][]byte) map[string][]vnuMessage {
	t.Helper()
	dir := t.TempDir()
	byPath := map[string]string{}
	var args []string
	for name, b := range files {
		p := filepath.Join(dir, strings.NewReplacer("/", "__", " ", "_").Replace(name)+".html")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		byPath[p] = name
		args = append(args, p)
	}
	cmd := exec.Command("java", append([]string{"-Xss1m", "-jar", jar, "--errors-only", "--format", "json", "--stdout", "--exit-zero-always"}, args...)...)
	out, err := cmd.Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("java -jar vnu.jar: %v\n%s", err, msg)
	}
	var res struct{ Messages []vnuMessage }
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("vnu's output is not JSON: %v\n%.2000s", err, out)
	}
	found := map[string][]vnuMessage{}
	for _, m := range res.Messages {
		p := strings.TrimPrefix(m.URL, "file:")
		name, ok := byPath[p]
		if !ok {
			name = m.URL
		}
		if m.Type == "error" || m.SubType == "fatal" || m.Type == "non-document-error" {
			found[name] = append(found[name], m)
		}
	}
	return found
}

// TestValidHTML runs every page of the example site, its feedback form and
// the generated 300-page site through the Nu Html Checker: zero errors.
func TestValidHTML(t *testing.T) {
	t.Parallel()
	jar := vnuJar(t)
	files := map[string][]byte{}
	for _, j := range auditPages(t) {
		if strings.Contains(j.path, "?") {
			continue // a state of a page the script made: TestSearch checks it
		}
		b, ok := j.s.out.Get(outputFile(j.path))
		if !ok {
			t.Fatalf("%s %s: no file", j.s.name, j.path)
		}
		files[j.s.name+" "+j.path] = b
	}
	for _, p := range exampleSite(t).moved { // the pages at old addresses, as written
		b, _ := exampleSite(t).out.Get(outputFile(p))
		files["example "+p] = b
	}
	t0 := time.Now()
	found := vnu(t, jar, files)
	t.Logf("the Nu Html Checker read %d pages in %v", len(files), time.Since(t0).Round(time.Millisecond))
	rep := newReport()
	for name, ms := range found {
		for _, m := range ms {
			rep.add("Nu Html Checker: "+m.Message, name, fmt.Sprintf("line %d: %s", m.LastLine, strings.TrimSpace(m.Extract)))
		}
	}
	rep.fail(t, 10)
}
