package search

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/torv/torv/internal/language"
	"github.com/torv/torv/internal/spill"
)

// manyDocs is a site of n pages whose words are drawn from a small
// vocabulary, so that its common words have far more than MaxPostings
// pages, with scores of every kind (titles, headings, repeated words).
func manyDocs(n int) []Doc {
	vocab := strings.Fields("kommune borger boligstøtte sygedagpenge klage afgørelse bibliotek åbningstider " +
		"skole affald parkering høring plejehjem ældreråd cykelsti budget lokalplan borgerservice MitID sag")
	r := rand.New(rand.NewPCG(1, 2))
	text := func(words int) string {
		ws := make([]string, words)
		for i := range ws {
			ws[i] = vocab[r.IntN(len(vocab))]
		}
		return strings.Join(ws, " ")
	}
	docs := make([]Doc, n)
	for i := range docs {
		docs[i] = Doc{URL: fmt.Sprintf("/side-%d/", i), Title: text(1 + r.IntN(3)), Section: "Sider",
			Headings: []string{text(2)}, Excerpt: text(r.IntN(6)), Text: text(r.IntN(60))}
		if i%7 == 0 {
			docs[i].Keywords = []string{text(1)}
		}
	}
	return docs
}

// TestStream: an index merged as its pages come, in any order and on
// several goroutines, has the files of one made from all of them at once,
// with its rows kept in memory, in a spill file, or in a spill in memory.
func TestStream(t *testing.T) {
	sets := map[string][]Doc{"many": manyDocs(3000)}
	for lang, docs := range sites {
		sets[lang] = docs
	}
	for name, docs := range sets {
		for _, kept := range []string{"memory", "file", "spill in memory"} {
			t.Run(name+" "+kept, func(t *testing.T) {
				stream(t, name, docs, newSpill(t, kept))
			})
		}
	}
}

// newSpill is where TestStream keeps rows: nil (memory), a spill file,
// or a spill in memory.
func newSpill(t *testing.T, kept string) *spill.File {
	switch kept {
	case "file":
		f, err := os.CreateTemp(t.TempDir(), "spill")
		if err != nil {
			t.Fatal(err)
		}
		sp := spill.New(f)
		t.Cleanup(func() { sp.Close() })
		return sp
	case "spill in memory":
		return spill.New(nil)
	}
	return nil
}

func stream(t *testing.T, name string, docs []Doc, sp *spill.File) {
	l := language.Get(name)
	if name == "many" {
		l = language.Get("da")
	}
	lim := Limits{Shards: 20, Chunks: 20}
	want := Build(l, docs, lim)
	x := NewIndexer(l)
	x.Stream(len(docs), sp)
	order := rand.New(rand.NewPCG(3, 4)).Perm(len(docs))
	var wg sync.WaitGroup
	for w := range 3 {
		wg.Go(func() {
			for k := w; k < len(order); k += 3 {
				i := order[k]
				x.Add(i, x.Page(docs[i], x.Body(docs[i].Headings, []byte(docs[i].Text))))
			}
		})
	}
	wg.Wait()
	x.Add(order[0], x.Page(Doc{Title: "merged twice"}, nil)) // left as it was
	got, err := x.StreamFiles(lim)
	if err != nil {
		t.Fatal(err)
	}
	// With a spill, the files wait there, not on the heap, until the
	// build writes them.
	for i, f := range got {
		if sp == nil || f.Name == Manifest {
			continue
		}
		if f.Bytes != nil || f.Spilled == 0 {
			t.Fatalf("%s: %d bytes on the heap, want them in the spill", f.Name, len(f.Bytes))
		}
		b, err := sp.Get(nil, f.Spilled)
		if err != nil {
			t.Fatal(err)
		}
		got[i] = File{Name: f.Name, Bytes: b}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("StreamFiles made other files than Build (%d files, want %d)", len(got), len(want))
	}
}

// TestStreamedRowLost: a row that cannot be read back fails StreamFiles,
// rather than giving a chunk without it.
func TestStreamedRowLost(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "spill")
	if err != nil {
		t.Fatal(err)
	}
	docs := manyDocs(600) // rows of more than the spill's 64 KiB buffer
	x := NewIndexer(language.Get("da"))
	x.Stream(len(docs), spill.New(f))
	for i, d := range docs {
		x.Add(i, x.Page(d, x.Body(d.Headings, []byte(d.Text))))
	}
	f.Close()
	if files, err := x.StreamFiles(Limits{Shards: 4, Chunks: 4}); err == nil {
		t.Errorf("StreamFiles of rows it could not read: %d files and no error", len(files))
	}
}

// TestKeyNamesAGroupOnce: a key lists each group once, however many of
// the group's words give it (så and sa, written without å, are both the
// key sa); a group listed twice would be fetched and scored twice.
func TestKeyNamesAGroupOnce(t *testing.T) {
	extra := Doc{URL: "/kontakt/", Title: "Skriv til os",
		Text: "Skriv til os, så svarer vi. Har dit tastatur ikke å, kan du skrive sa."}
	for lang, docs := range sites {
		if lang == "da" {
			docs = append(slices.Clone(docs), extra)
		}
		for _, f := range Build(language.Get(lang), docs, Limits{Shards: 4, Chunks: 4}) {
			if !strings.HasPrefix(f.Name, "k-") {
				continue
			}
			var sh shard
			if err := json.Unmarshal(f.Bytes, &sh); err != nil {
				t.Fatalf("%s %s: %v", lang, f.Name, err)
			}
			for i, refs := range sh.Refs {
				seen := map[int]bool{}
				for _, r := range refs {
					if seen[r>>1] {
						t.Errorf("%s: key %q lists group %d twice: %v", lang, sh.Keys[i], r>>1, refs)
					}
					seen[r>>1] = true
				}
			}
		}
	}
}
