package search

import (
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/torv/torv/internal/language"
)

// exampleTexts are the bodies of the example site's Danish pages, front
// matter left out: real municipal text, for the benchmarks.
func exampleTexts(b *testing.B) []string {
	b.Helper()
	var texts []string
	err := fs.WalkDir(os.DirFS("../../content"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") || strings.Count(p, ".") > 1 {
			return err
		}
		src, err := fs.ReadFile(os.DirFS("../../content"), p)
		if err != nil {
			return err
		}
		s := string(src)
		if _, body, ok := strings.Cut(strings.TrimPrefix(s, "+++"), "+++"); ok {
			s = body
		}
		texts = append(texts, s)
		return nil
	})
	if err != nil || len(texts) < 20 {
		b.Fatalf("reading the example site's pages: %v (%d pages)", err, len(texts))
	}
	return texts
}

// BenchmarkBody is the analysis each page's body gets on the render's
// workers: a build runs it once per page, most of whose words the
// Indexer met on earlier pages (the Indexer here met them all once).
func BenchmarkBody(b *testing.B) {
	texts := exampleTexts(b)
	bytes := 0
	for _, s := range texts {
		bytes += len(s)
	}
	b.SetBytes(int64(bytes))
	heads := []string{"Sådan søger du", "Hvad kan du få"}
	x := NewIndexer(language.Get("da"))
	for _, s := range texts {
		x.Body(heads, s)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range texts {
			x.Body(heads, s)
		}
	}
}
