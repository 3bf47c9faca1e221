package content_test

import (
	"io/fs"
	"os"
	"reflect"
	"testing"
	"testing/fstest"

	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/diag"
)

// assemble reads a site the way the preview does: Scan, ParseFile and
// Assemble, with the parse errors added.
func assemble(t *testing.T, fsys fs.FS, cfg *config.Config, parsed []*content.Parsed, opts content.Options) (*content.Site, diag.List) {
	t.Helper()
	_, other, errs := content.Scan(fsys)
	site, serrs := content.Assemble(cfg, parsed, other, opts)
	errs.Add(serrs...)
	for _, pr := range parsed {
		errs.Add(pr.Errs...)
	}
	errs.Sort()
	return site, errs
}

func parseAll(fsys fs.FS, cfg *config.Config) []*content.Parsed {
	md, _, _ := content.Scan(fsys)
	var out []*content.Parsed
	for _, f := range md {
		out = append(out, content.ParseFile(fsys, f, cfg))
	}
	return out
}

// TestAssembleIsLoad holds the preview's way of reading a site to Load's:
// the same Site, down to unexported fields, the same errors; and a second
// Assemble of the same pages (what the preview does after an edit) gives
// the same Site again.
func TestAssembleIsLoad(t *testing.T) {
	sites := map[string]fs.FS{
		"example": os.DirFS("../.."),
		"mixed": fstest.MapFS{
			"config.toml":                {Data: []byte(testConfig + "moedet = \"theme\"\ninit = \"initiative\"\n")},
			"content/_index.md":          {Data: []byte(page("Forside", `featured = ["lov/a.md", "findes/ikke.md"]`))},
			"content/lov/a.md":           {Data: []byte(law("A", `tags = ["Job", "Sygdom"]`))},
			"content/lov/b.md":           {Data: []byte(law("B", `tags = ["job"]`, `id = "a"`))},
			"content/lov.md":             {Data: []byte(page("Lov som side"))},
			"content/emner/_index.md":    {Data: []byte(page("Emner selv"))},
			"content/moedet/t.md":        {Data: []byte(page("Tema", `question = "Hvordan?"`, `initiatives = ["init/i.md", "lov/a.md"]`))},
			"content/init/i.md":          {Data: []byte(page("Init", `status = "planned"`, `theme = "moedet/t.md"`))},
			"content/init/j.md":          {Data: []byte(page("Init 2", `status = "done"`, `theme = "moedet/mangler.md"`))},
			"content/nyheder/kladde.md":  {Data: []byte(page("Kladde", "draft = true", "date = 2024-01-01"))},
			"content/nyheder/dobbelt.md": {Data: []byte(page("Dobbelt", `slug = "kladde"`, "date = 2024-01-02"))},
			"content/ord/ø.md":           {Data: []byte(page("Ø", `short = "Et ord."`))},
			"content/ord/kort.png":       {Data: []byte("png")},
			"content/brudt.md":           {Data: []byte("+++\ntitle = \"Brudt\n+++\n")},
			"content/.#lås.md":           {Data: []byte("temp")},
		},
	}
	for name, fsys := range sites {
		for _, drafts := range []bool{false, true} {
			opts := content.Options{Drafts: drafts}
			cfg, errs := config.Parse(fsys, content.KindNames(), content.KindHint)
			if len(errs) > 0 {
				t.Fatalf("%s: config: %v", name, errs)
			}
			want, wantErrs := content.Load(fsys, cfg, opts)
			parsed := parseAll(fsys, cfg)
			got, gotErrs := assemble(t, fsys, cfg, parsed, opts)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s (drafts %v): Assemble's site differs from Load's", name, drafts)
			}
			if gotErrs.Error() != wantErrs.Error() {
				t.Errorf("%s (drafts %v): errors\n%s\nwant\n%s", name, drafts, gotErrs, wantErrs)
			}
			again, againErrs := assemble(t, fsys, cfg, parsed, opts)
			if !reflect.DeepEqual(again, want) {
				t.Errorf("%s (drafts %v): a second Assemble of the same pages differs from Load's site", name, drafts)
			}
			if againErrs.Error() != wantErrs.Error() {
				t.Errorf("%s (drafts %v): second Assemble's errors\n%s\nwant\n%s", name, drafts, againErrs, wantErrs)
			}
			if name == "mixed" && len(wantErrs.Errors()) < 4 {
				t.Errorf("the mixed site should have its errors (duplicate URL and id, missing references, broken TOML): %v", wantErrs)
			}
		}
	}
}

// TestAssembleKeepsUnchangedPages is what makes the preview fast: pages
// passed again keep their identity, and their links follow the changes of
// the others.
func TestAssembleKeepsUnchangedPages(t *testing.T) {
	fsys := fstest.MapFS{
		"config.toml":       {Data: []byte(testConfig)},
		"content/_index.md": {Data: []byte(page("Forside"))},
		"content/a.md":      {Data: []byte(page("A", `tags = ["job"]`))},
		"content/b.md":      {Data: []byte(page("B", `tags = ["job"]`))},
	}
	cfg, _ := config.Parse(fsys, content.KindNames(), content.KindHint)
	parsed := parseAll(fsys, cfg)
	site, _ := content.Assemble(cfg, parsed, nil, content.Options{})
	a := site.PageByFile("a.md")

	fsys["content/b.md"] = &fstest.MapFile{Data: []byte(page("B", `tags = ["ferie"]`))}
	for i, pr := range parsed {
		if pr.File == "content/b.md" {
			parsed[i] = content.ParseFile(fsys, pr.File, cfg)
		}
	}
	site2, errs := content.Assemble(cfg, parsed, nil, content.Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if site2.PageByFile("a.md") != a {
		t.Error("an unchanged page is a new *Page after Assemble")
	}
	if len(a.Tags) != 1 || len(a.Tags[0].Pages) != 1 || a.Parent != site2.Home {
		t.Errorf("the unchanged page's links were not rebuilt: tags %v, parent %p (home %p)", a.Tags, a.Parent, site2.Home)
	}
	var names []string
	for _, tp := range site2.Topics {
		names = append(names, tp.Name)
	}
	if !reflect.DeepEqual(names, []string{"ferie", "job"}) {
		t.Errorf("topics %v, want [ferie job]", names)
	}
}

func TestFrontMatter(t *testing.T) {
	fsys := fstest.MapFS{
		"config.toml":  {Data: []byte(testConfig)},
		"content/a.md": {Data: []byte("+++\ntitle = \"A\"\n+++\n\nTekst.\n")},
	}
	cfg, _ := config.Parse(fsys, content.KindNames(), content.KindHint)
	pr := content.ParseFile(fsys, "content/a.md", cfg)
	if text, line := pr.Page.FrontMatter(); text != "title = \"A\"\n" || line != 2 {
		t.Errorf("FrontMatter() = %q, %d", text, line)
	}
	// A file gone since it was listed is no page and no mistake (the
	// preview is told of files just deleted); a file that is there but
	// cannot be read is both.
	if pr := content.ParseFile(fsys, "content/mangler.md", cfg); pr != nil {
		t.Errorf("a missing file: %+v, want nil", pr)
	}
	fsys["content/b.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"B\"\n+++\n\xff\n")}
	if pr := content.ParseFile(fsys, "content/b.md", cfg); pr == nil || len(pr.Errs) != 1 {
		t.Errorf("a file not in UTF-8: %+v, want one error", pr)
	}
}
