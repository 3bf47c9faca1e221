package search

import (
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/torv/torv/internal/language"
)

// exampleTexts are the bodies of the example site's Danish pages: real
// municipal prose, as Body meets it on the render's workers.
func exampleTexts(b *testing.B) []string {
	var out []string
	root := os.DirFS("../../content")
	err := fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") || strings.Contains(p, ".en.") ||
			strings.Contains(p, ".sv.") || strings.Contains(p, ".nb.") {
			return err
		}
		src, err := fs.ReadFile(root, p)
		if _, body, ok := strings.Cut(string(src[3:]), "+++"); ok {
			out = append(out, body)
		}
		return err
	})
	if err != nil || len(out) == 0 {
		b.Fatalf("the example site's pages: %v (%d)", err, len(out))
	}
	return out
}

// BenchmarkBody analyses the example site's Danish bodies with one
// Indexer, whose vocabulary the first round fills, as a site's first
// pages do.
func BenchmarkBody(b *testing.B) {
	var texts [][]byte
	size := 0
	for _, t := range exampleTexts(b) {
		texts = append(texts, []byte(t))
		size += len(t)
	}
	x := NewIndexer(language.Get("da"))
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			x.Body([]string{"Sådan søger du", "Hvem kan få hjælp"}, t)
		}
	}
}

// BenchmarkBuild makes the index of the example site's Danish bodies.
func BenchmarkBuild(b *testing.B) {
	texts := exampleTexts(b)
	docs := make([]Doc, len(texts))
	for i, t := range texts {
		docs[i] = Doc{URL: "/p/", Title: "Side om boligstøtte", Text: t, Excerpt: "Du kan få hjælp."}
	}
	b.ReportAllocs()
	for b.Loop() {
		Build(language.Get("da"), docs, Limits{Shards: 100, Chunks: 100})
	}
}
