package jsonld_test

import (
	"encoding/json"
	"flag"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/build"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

var script = regexp.MustCompile(`<script type="?application/ld\+json"?>(.*?)</script>`)

// exampleSite builds the repository's example site.
func exampleSite(t *testing.T) *build.Output {
	t.Helper()
	res := build.Build(os.DirFS("../.."), torv.Defaults(), build.Options{})
	if res.Output == nil {
		t.Fatalf("the example site does not build:\n%v", res.Diags)
	}
	return res.Output
}

// graphs returns the JSON-LD of every page of out, by output path, each
// page's blocks parsed.
func graphs(t *testing.T, out *build.Output) map[string][]map[string]any {
	t.Helper()
	all := map[string][]map[string]any{}
	for _, p := range out.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		b, _ := out.Get(p)
		for _, m := range script.FindAllSubmatch(b, -1) {
			var v map[string]any
			if err := json.Unmarshal(m[1], &v); err != nil {
				t.Errorf("%s: JSON-LD that is not JSON (%v): %s", p, err, m[1])
				continue
			}
			all[p] = append(all[p], v)
		}
	}
	return all
}

// types returns the @type of each node of a page's graph.
func types(blocks []map[string]any) []string {
	var out []string
	for _, b := range blocks {
		nodes, _ := b["@graph"].([]any)
		for _, n := range nodes {
			if m, ok := n.(map[string]any); ok {
				s, _ := m["@type"].(string)
				out = append(out, s)
			}
		}
	}
	return out
}
