package outdir

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// inspect counts every file of a large foreign folder, a link among them,
// and names the first maxNamed in the order filepath.WalkDir meets them
// (a folder's files before a name that sorts after the folder's), the
// same each time.
func TestInspectNamesTheFirstFilesOfTheWalk(t *testing.T) {
	dir := t.TempDir()
	var names []string
	for i := range 40 {
		for _, n := range []string{fmt.Sprintf("d%02d/x/f.txt", i), fmt.Sprintf("d%02d-a.txt", i), fmt.Sprintf("d%02d/a b.txt", i)} {
			names = append(names, n)
		}
	}
	for _, n := range names {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("/etc", filepath.Join(dir, "d00", "link")); err != nil {
		t.Fatal(err)
	}
	var walked []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			walked = append(walked, filepath.ToSlash(rel))
		}
		return err
	})
	for range 5 {
		var found listing
		st, err := inspect(dir, &found, stamp{})
		if err != nil {
			t.Fatal(err)
		}
		if st.kind != foreign || st.count != len(names)+1 || !slices.Equal(st.foreign, walked[:maxNamed]) {
			t.Fatalf("inspect: kind %v, %d files named %q; want foreign, %d, %q", st.kind, st.count, st.foreign, len(names)+1, walked[:maxNamed])
		}
		// What it lists is what a walk finds, the link as a file, in
		// any order.
		var files, dirs []string
		each(found.files, func(f []byte) error { files = append(files, string(f)); return nil })
		each(found.dirs, func(d []byte) error { dirs = append(dirs, string(d)); return nil })
		slices.Sort(files)
		if !slices.Equal(files, slices.Sorted(slices.Values(walked))) || !slices.Contains(dirs, "d00") {
			t.Fatalf("inspect listed %d files and the folders %q; a walk finds %d files", len(files), dirs, len(walked))
		}
	}
}

// TestReadFileList: the manifest's files are read as a whole Decode
// would read them, whatever the order of its keys, and the reading stops
// once generator and files are read, so that what follows (the pages) is
// neither read nor checked.
func TestReadFileList(t *testing.T) {
	tests := []struct {
		name, text string
		ok         bool
		files      []string
		sums       []string
	}{
		{"as torv writes it", `{"generator":"torv","version":1,"checked":5,"files":["a","b/c"],"sums":["1f","2"],"pages":[{"file":"x"}]}`, true, []string{"a", "b/c"}, []string{"1f", "2"}},
		{"as torv wrote it before sums", `{"generator":"torv","version":1,"files":["a","b/c"],"pages":[{"file":"x"}]}`, true, []string{"a", "b/c"}, nil},
		{"files out of order: no sums", `{"generator":"torv","files":["b","a"],"sums":["1","2"]}`, true, []string{"a", "b"}, nil},
		{"sums cut off", `{"generator":"torv","version":1,"files":["a"],"sums":["1f",`, false, nil, nil},
		{"pages first", `{"pages":[{"file":"x"}],"files":["a"],"version":1,"generator":"torv"}`, true, []string{"a"}, nil},
		{"keys in capitals", `{"Generator":"torv","FILES":["a"]}`, true, []string{"a"}, nil},
		{"the pages cut off", `{"generator":"torv","version":1,"files":["a"],"pages":[{"fi`, true, []string{"a"}, nil},
		{"no generator", `{"files":["a"]}`, false, nil, nil},
		{"another generator", `{"generator":"hugo","files":["a"]}`, false, nil, nil},
		{"the files cut off", `{"generator":"torv","files":["a",`, false, nil, nil},
		{"files not a list", `{"generator":"torv","files":"a"}`, false, nil, nil},
		{"an array", `["torv"]`, false, nil, nil},
		{"not JSON", `torv`, false, nil, nil},
		{"empty", ``, false, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, ManifestName), []byte(tt.text), 0o644); err != nil {
				t.Fatal(err)
			}
			m, ok := readManifest(dir, fileSums)
			if ok != tt.ok || !slices.Equal(m.Files, tt.files) || !slices.Equal(m.Sums, tt.sums) {
				t.Errorf("readManifest = %v, %q, sums %q; want %v, %q, %q", ok, m.Files, m.Sums, tt.ok, tt.files, tt.sums)
			}
		})
	}
}

// indent writes what json.MarshalIndent writes, for every manifest:
// strings holding JSON's own punctuation and escapes, empty and missing
// lists, nested objects.
func TestManifestIsMarshalIndent(t *testing.T) {
	tricky := []string{`a"b`, `c\d`, `e\\"f`, "g\nh\t", "<i>&j", "<i", "j>", "k&", "æøå/ü", "k,l:m", "{[n]}", "\u2028o", "\x01p", "", "q\x7fr", "s\xffæ", "\u2029", "\bu\f"}
	tests := []struct {
		name string
		m    manifest
	}{
		{"empty", manifest{}},
		{"no files, no pages", manifest{fileList: fileList{Generator: "torv", Version: 1, Files: []string{}}}},
		{"tricky names", manifest{fileList{Generator: "torv", Version: 1, Checked: 1796615148837703849, Files: tricky},
			[]Page{{File: "content/" + tricky[0], URL: "/" + tricky[1] + "/", Title: tricky[2]}, {File: tricky[3], URL: tricky[8]}}}},
		{"tricky sums", manifest{fileList{Generator: "torv", Version: 1, Files: tricky[:2], Sums: tricky[2:4]}, []Page{}}},
		{"empty lists", manifest{fileList{Generator: "torv", Version: 1, Files: []string{}, Sums: []string{}}, nil}},
		{"a build", manifest{fileList{Generator: "torv", Version: 1, Files: many(300, "a").Paths(), Sums: manySums(300)}, manyPages(300)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, err := json.MarshalIndent(tt.m, "", "\t")
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := encodeManifest(&got, tt.m); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), append(want, '\n')) {
				t.Errorf("encodeManifest:\n%s\nMarshalIndent:\n%s", got.Bytes(), want)
			}
		})
	}
}

// manySums is n sums as a build writes them.
func manySums(n int) []string {
	sums := make([]string, n)
	for i := range sums {
		sums[i] = formatSum(sumOf(fmt.Appendf(nil, "file %d", i)))
	}
	return sums
}

// manyPages is n pages as a build lists them.
func manyPages(n int) []Page {
	pages := make([]Page, n)
	for i := range pages {
		pages[i] = Page{File: fmt.Sprintf("content/s%d/p%d.md", i%17, i), URL: fmt.Sprintf("/s%d/p%d/", i%17, i), Title: fmt.Sprintf("Side %d", i)}
	}
	return pages
}

// BenchmarkManifest writes the manifest of 10 000 pages, each in its own
// folder, as Commit does, with json.MarshalIndent and with encodeManifest.
// The names are as long as the bench corpus's (2.5 MB of manifest).
func BenchmarkManifest(b *testing.B) {
	var m manifest
	for i := range 10000 {
		dir := fmt.Sprintf("afdeling-%d/en-side-om-hjaelp-til-borgere-nummer-%d", i%17, i)
		m.Files = append(m.Files, dir+"/index.html")
		m.Pages = append(m.Pages, Page{File: "content/" + dir + ".md", URL: "/" + dir + "/", Title: fmt.Sprintf("Sådan får du hjælp fra kommunen, del %d", i)})
	}
	slices.Sort(m.Files)
	m.Generator, m.Version, m.Sums = "torv", 1, manySums(len(m.Files))
	b.Run("MarshalIndent", func(b *testing.B) {
		for b.Loop() {
			if _, err := json.MarshalIndent(m, "", "\t"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encodeManifest", func(b *testing.B) {
		for b.Loop() {
			if err := encodeManifest(io.Discard, m); err != nil {
				b.Fatal(err)
			}
		}
	})
}
