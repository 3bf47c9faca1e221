package check

import (
	"os"
	"testing"

	"github.com/torv/torv"
)

// BenchmarkSite checks testdata/site, or the site in $TORV_CORPUS (the
// 10 000-page corpus of /work/shared/bench/gencorpus.go with
// bench/config.toml).
func BenchmarkSite(b *testing.B) {
	dir := os.Getenv("TORV_CORPUS")
	if dir == "" {
		dir = goldenSite
	}
	fsys := os.DirFS(dir)
	for b.Loop() {
		Site(fsys, torv.Defaults(), Options{Now: testDay})
	}
}
