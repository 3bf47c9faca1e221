package build

import (
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/torv/torv"
)

const testConfig = `title = "Test"
municipality = "Testby Kommune"
baseurl = "https://test.example/"

[sections]
lov = "law"
steder = "place"
nyheder = "news"
initiativer = "initiative"
moedet = "theme"
`

const testHome = "+++\ntitle = \"Forside\"\n+++\n\nVelkommen.\n"

// testSite returns a small valid site with files added or replaced.
func testSite(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"config.toml":       {Data: []byte(testConfig)},
		"content/_index.md": {Data: []byte(testHome)},
	}
	for name, text := range files {
		if text == "" {
			delete(fsys, name)
			continue
		}
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

const law = `+++
title = "Sygedagpenge"
law = "Sygedagpengeloven"
paragraph = "§ 7"
in_short = "Kort."
reviewed = 2026-01-01
+++

Tekst.
`

// TestEditorErrors is the table of mistakes an editor can make and the one
// message each must give: file:line:col, what is wrong, what to do.
func TestEditorErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"unknown key with suggestion",
			map[string]string{"content/lov/sygedagpenge.md": strings.Replace(law, "reviewed =", "reviewd =", 1)},
			`content/lov/sygedagpenge.md:6:1: unknown key "reviewd" in front matter (did you mean "reviewed"?)`},
		{"title with a capital",
			map[string]string{"content/a.md": "+++\nTitle = \"Om os\"\n+++\n"},
			`content/a.md:2:1: unknown key "Title" in front matter (did you mean "title"?)`},
		{"broken TOML: list not closed",
			map[string]string{"content/a.md": "+++\ntitle = \"Om os\"\ntags = [\"job\", \"møder\"\ndescription = \"x\"\n+++\n"},
			`content/a.md:3:22: front matter is not valid TOML: expected a comma (',') or array terminator (']'), but got 'd' (put a comma after each item of the list but the last, and end the list with ], like tags = ["møder", "digital"])`},
		{"broken TOML: unclosed string",
			map[string]string{"content/a.md": "+++\ntitle = \"Om os\n+++\n"},
			`content/a.md:2:15: front matter is not valid TOML: strings cannot contain newlines (a quote or bracket is not closed)`},
		{"broken TOML: value without quotes",
			map[string]string{"content/a.md": "+++\ntitle = Om os\n+++\n"},
			`content/a.md:2:9: front matter is not valid TOML: expected value but found "Om" instead (put text in double quotes, like title = "Sygedagpenge")`},
		{"missing title",
			map[string]string{"content/a.md": "+++\ndescription = \"x\"\n+++\n"},
			`content/a.md:1:1: missing required key "title" in front matter (add a line title = "...")`},
		{"empty title",
			map[string]string{"content/a.md": "+++\ntitle = \"  \"\n+++\n"},
			`content/a.md:2:9: title is empty (write something between the quotes)`},
		{"date as a word",
			map[string]string{"content/a.md": "+++\ntitle = \"A\"\ndate = \"igår\"\n+++\n"},
			`content/a.md:3:8: date: "igår" is not a date (write year-month-day without quotes, like 2024-05-01)`},
		{"date day first",
			map[string]string{"content/a.md": "+++\ntitle = \"A\"\ndate = \"1.5.2024\"\n+++\n"},
			`content/a.md:3:8: date: "1.5.2024" is written day first (write the year first, without quotes: 2024-05-01)`},
		{"date out of range",
			map[string]string{"content/a.md": "+++\ntitle = \"A\"\ndate = 2024-13-01\n+++\n"},
			`content/a.md:3:8: front matter is not valid TOML: invalid datetime: "2024-13-01" (write a real date as year-month-day, like 2024-05-01)`},
		{"weight not a number",
			map[string]string{"content/a.md": "+++\ntitle = \"A\"\nweight = \"tre\"\n+++\n"},
			`content/a.md:3:10: weight must be a whole number, not text (write a whole number without quotes, like weight = 10)`},
		{"unknown type",
			map[string]string{"content/a.md": "+++\ntitle = \"A\"\ntype = \"lov\"\n+++\n"},
			`content/a.md:3:8: unknown type "lov" (did you mean "law"?)`},
		{"type on a list page",
			map[string]string{"content/lov/_index.md": "+++\ntitle = \"Love\"\ntype = \"page\"\n+++\n"},
			`content/lov/_index.md:3:8: type cannot be set on _index.md (_index.md is always the list page of its folder; remove the type line)`},
		{"law without in_short",
			map[string]string{"content/lov/x.md": strings.Replace(law, "in_short = \"Kort.\"\n", "", 1)},
			`content/lov/x.md:1:1: missing required key "in_short" in front matter (add a line in_short = "...")`},
		{"in_short too long",
			map[string]string{"content/lov/x.md": strings.Replace(law, `in_short = "Kort."`, `in_short = """
En.
To.
Tre.
Fire."""`, 1)},
			`content/lov/x.md:5:12: in_short has 4 lines and 18 characters; at most 3 lines and 300 characters are allowed (keep the short version short; move the rest into the page's body)`},
		{"official_url not an address",
			map[string]string{"content/lov/x.md": strings.Replace(law, "+++\n\n", "official_url = \"retsinformation.dk\"\n+++\n\n", 1)},
			`content/lov/x.md:7:16: official_url "retsinformation.dk" is not a web address (write the whole address, starting with https://)`},
		{"review_by before reviewed",
			map[string]string{"content/lov/x.md": strings.Replace(law, "+++\n\n", "review_by = 2025-01-01\n+++\n\n", 1)},
			`content/lov/x.md:7:13: review_by 2025-01-01 comes before reviewed 2026-01-01 (review_by is the date of the next review, after the last one)`},
		{"unknown initiative status",
			map[string]string{"content/initiativer/x.md": "+++\ntitle = \"X\"\nstatus = \"done!\"\n+++\n"},
			`content/initiativer/x.md:3:10: unknown status "done!" (did you mean "done"?)`},
		{"closing before opening",
			map[string]string{"content/steder/x.md": "+++\ntitle = \"X\"\n[address]\nstreet = \"Vej 1\"\ncity = \"By\"\n[opening_hours]\nmonday = \"15:00-08:00\"\n+++\n"},
			`content/steder/x.md:7:10: monday: closes at 08:00, before it opens at 15:00 (the closing time must come after the opening time)`},
		{"unknown weekday",
			map[string]string{"content/steder/x.md": "+++\ntitle = \"X\"\n[address]\nstreet = \"Vej 1\"\ncity = \"By\"\n[opening_hours]\nmandg = \"08:00-15:00\"\n+++\n"},
			`content/steder/x.md:7:9: mandg: "mandg" is not a weekday (use monday, tuesday, wednesday, thursday, friday, saturday or sunday)`},
		{"bad exception hours",
			map[string]string{"content/steder/x.md": "+++\ntitle = \"X\"\n[address]\nstreet = \"Vej 1\"\ncity = \"By\"\n[[exceptions]]\ndate = 2026-12-24\nhours = \"kl. 10\"\n+++\n"},
			`content/steder/x.md:8:9: hours: "kl. 10" is not a time span (write opening and closing time like "08:00-15:00", or "closed")`},
		{"step_free not a bool",
			map[string]string{"content/steder/x.md": "+++\ntitle = \"X\"\nstep_free = \"ja\"\n[address]\nstreet = \"Vej 1\"\ncity = \"By\"\n+++\n"},
			`content/steder/x.md:3:13: step_free must be true or false, not text (write step_free = true or step_free = false, without quotes)`},
		{"place without address",
			map[string]string{"content/steder/x.md": "+++\ntitle = \"X\"\n[address]\nstreet = \"Vej 1\"\n+++\n"},
			`content/steder/x.md:3:1: missing required key "city" in [address] (add a line city = "...")`},
		{"news without date",
			map[string]string{"content/nyheder/x.md": "+++\ntitle = \"X\"\n+++\n"},
			`content/nyheder/x.md:1:1: a news item needs a date (add a line date = 2024-05-01)`},
		{"tags with a number",
			map[string]string{"content/a.md": "+++\ntitle = \"A\"\ntags = [\"job\", 7]\n+++\n"},
			`content/a.md:3:8: item 2 of tags must be text, not a whole number (put every item in double quotes: tags = ["a", "b"])`},
		{"slug leaves the folder",
			map[string]string{"content/a.md": "+++\ntitle = \"A\"\nslug = \"../../etc\"\n+++\n"},
			`content/a.md:3:8: slug "../../etc" may only hold a-z, 0-9 and - (write it like slug = "etc")`},
		{"duplicate URL",
			map[string]string{"content/a.md": "+++\ntitle = \"A\"\n+++\n", "content/b.md": "+++\ntitle = \"B\"\nslug = \"a\"\n+++\n"},
			`content/b.md:3:8: slug "a" gives the page the address /a/, which content/a.md has (choose another slug, or remove the slug line to keep the address /b/)`},
		{"duplicate key",
			map[string]string{"content/a.md": "+++\ntitle = \"A\"\ntitle = \"B\"\n+++\n"},
			`content/a.md:3:1: front matter is not valid TOML: Key 'title' has already been defined. (each key may appear only once; remove one of them)`},
		{"link to a missing page",
			map[string]string{"content/a.md": "+++\ntitle = \"A\"\n+++\n\nSe [reglerne](/lov/findes-ikke/).\n"},
			`content/a.md:5:4: link to a page that does not exist: /lov/findes-ikke/ (check the address; link to a page by its file, like ../lov/sygedagpenge.md, or its address, like /lov/sygedagpenge/)`},
		{"link to a missing file",
			map[string]string{"content/a.md": "+++\ntitle = \"A\"\n+++\n\nLæs [loven](lov/nej.md) i dag.\n"},
			`content/a.md:5:5: link to a page that does not exist: lov/nej.md (check the address; link to a page by its file, like ../lov/sygedagpenge.md, or its address, like /lov/sygedagpenge/)`},
		{"missing layout",
			map[string]string{"content/a.md": "+++\ntitle = \"A\"\nlayout = \"speciel\"\n+++\n"},
			`content/a.md:3:10: layout "speciel" does not exist (add layouts/speciel.html, or remove the layout line to use the kind's own)`},
		{"no front matter",
			map[string]string{"content/a.md": "# Overskrift\n"},
			`content/a.md:1:1: the page has no front matter (start the file with a line "+++", then title = "..." and a closing "+++")`},
		{"YAML front matter",
			map[string]string{"content/a.md": "---\ntitle: A\n---\n"},
			`content/a.md:1:1: the page has no front matter (torv reads TOML front matter: use "+++" lines instead of "---" and write key = "value")`},
		{"front matter not closed",
			map[string]string{"content/a.md": "+++\ntitle = \"A\"\n\nTekst.\n"},
			`content/a.md:1:1: the front matter is not closed (add a line "+++" after the last key)`},
		{"featured page missing",
			map[string]string{"content/_index.md": "+++\ntitle = \"Forside\"\nfeatured = [\"lov/ingen.md\"]\n+++\n"},
			`content/_index.md:3:12: featured names "lov/ingen.md", but there is no such page (write the path of a file below content/, like "lov/sygedagpenge.md")`},
		{"theme names a page of the wrong kind",
			map[string]string{"content/moedet/a.md": "+++\ntitle = \"A\"\nquestion = \"Hvor?\"\ninitiatives = [\"lov/x.md\"]\n+++\n", "content/lov/x.md": law},
			`content/moedet/a.md:4:15: initiatives names "lov/x.md", which is a law page, not a initiative page (name a page of kind initiative here, from a folder whose kind is initiative in config.toml)`},
		{"not UTF-8",
			map[string]string{"content/a.md": "+++\ntitle = \"Bl\xe5 bog\"\n+++\n"},
			`content/a.md:2:12: the file is not saved as UTF-8, so æ, ø and å would come out wrong (save it as UTF-8 in your editor (often under "Save as" or "Encoding"))`},
		{"topics in one string",
			map[string]string{"content/a.md": "+++\ntitle = \"A\"\ntags = \"job, sygdom\"\n+++\n"},
			`content/a.md:3:8: topic "job, sygdom" holds a comma, so it would be one topic (write each topic in its own quotes: tags = ["job", "sygdom"])`},
		{"nested too deep",
			map[string]string{"content/a.md": "+++\ntitle = \"A\"\n+++\n" + strings.Repeat(">", 100) + " x\n"},
			`content/a.md:4:1: the text is nested too deeply (lists or quotes inside each other) (use at most 40 levels of lists and quotes)`},
		{"config: unknown key",
			map[string]string{"config.toml": strings.Replace(testConfig, "title =", "titel =", 1)},
			`config.toml:1:1: unknown key "titel" in config.toml (did you mean "title"?)`},
		{"config: unknown kind",
			map[string]string{"config.toml": strings.Replace(testConfig, `lov = "law"`, `lov = "lov"`, 1)},
			`config.toml:6:7: unknown kind "lov" for folder "lov" (did you mean "law"?)`},
		{"config: menu names a missing page",
			map[string]string{"config.toml": testConfig + "\n[[menu]]\npage = \"findes/_index.md\"\n"},
			`config.toml:13:8: the menu names "findes/_index.md", but there is no such page (write the path of a file below content/, like page = "lov/_index.md")`},
		{"config: missing",
			map[string]string{"config.toml": ""},
			`config.toml: the site has no config.toml (run torv in a site folder, give one with -source, or make one with: torv new site FOLDER)`},
		{"config: language",
			map[string]string{"config.toml": "language = \"dk\"\n" + testConfig},
			`config.toml:1:12: language "dk" is not one torv has texts for (did you mean "da"?)`},
	}
	if len(tests) < 25 {
		t.Fatalf("the table has %d cases; the issue asks for at least 25", len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Build(testSite(tt.files), torv.Defaults(), Options{})
			got := res.Diags.Errors().Error()
			if got != sortedLines(tt.want) {
				t.Errorf("got\n%s\nwant\n%s", got, sortedLines(tt.want))
			}
			if res.Output != nil {
				t.Error("a build with errors has an output")
			}
		})
	}
}

// sortedLines orders expected messages as diag.List.Sort does (by file,
// line, column), so a case can list them in the order a reader thinks of
// them.
func sortedLines(s string) string {
	lines := strings.Split(s, "\n")
	key := func(l string) string {
		// Pad line and column so they sort numerically.
		parts := strings.SplitN(l, ":", 4)
		if len(parts) < 4 {
			return l
		}
		return parts[0] + ":" + pad(parts[1]) + ":" + pad(parts[2]) + ":" + parts[3]
	}
	for i := range lines {
		for j := i + 1; j < len(lines); j++ {
			if key(lines[j]) < key(lines[i]) {
				lines[i], lines[j] = lines[j], lines[i]
			}
		}
	}
	return strings.Join(lines, "\n")
}

func pad(s string) string { return strings.Repeat(" ", max(0, 6-len(s))) + s }

// exampleSite is the repository's example site (config.toml and content/;
// its layouts are the defaults) in memory, with files replaced.
func exampleSite(t *testing.T, files map[string]string) fstest.MapFS {
	t.Helper()
	src := os.DirFS("../..")
	fsys := fstest.MapFS{}
	for _, root := range []string{"config.toml", "content"} {
		err := fs.WalkDir(src, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(src, p)
			fsys[p] = &fstest.MapFile{Data: b}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

// TestLayoutMistakeOneMessage: a typo in a partial that every page runs
// is one message, at the layout's line, naming a page it showed in and
// how many others; not one message for each page of the site.
func TestLayoutMistakeOneMessage(t *testing.T) {
	b, err := fs.ReadFile(os.DirFS("../.."), "layouts/partials/footer.html")
	if err != nil {
		t.Fatal(err)
	}
	footer := strings.Replace(string(b), "{{.Site.Config.Municipality}}", "{{.Site.Config.Municipalty}}", 1)
	if footer == string(b) {
		t.Fatal("layouts/partials/footer.html no longer names .Site.Config.Municipality")
	}
	fsys := exampleSite(t, map[string]string{"layouts/partials/footer.html": footer})
	res := Build(fsys, torv.Defaults(), Options{})
	errs := res.Diags.Errors()
	if len(errs) != 1 || errs[0].File != "layouts/partials/footer.html" || !strings.Contains(errs[0].Msg, "Municipalty") {
		t.Fatalf("want one error, in layouts/partials/footer.html; got\n%s", errs.Error())
	}
	// Every page runs the footer: the message counts them all.
	clean := Build(exampleSite(t, nil), torv.Defaults(), Options{})
	if want := fmt.Sprintf(" and %d other pages)", clean.Pages-1); !strings.Contains(errs[0].Msg, want) {
		t.Errorf("the message does not say%s: %s", want, errs[0].Msg)
	}
}

// TestOneMistakeOneMessage breaks the front matter of a page that seven
// pages link to and the home page features (issue 12, "One mistake, one
// message"): the editor must see one error, at the line they broke, and
// nothing in the files they did not touch. A slug that wants another
// page's address is a mistake of the page with the slug: the page keeps
// its file's address meanwhile, and the other stays where it is.
func TestOneMistakeOneMessage(t *testing.T) {
	const file = "content/lov/klage-over-en-afgoerelse.md"
	b, err := fs.ReadFile(os.DirFS("../.."), file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	if lines[1] != `title = "Klage over en afgørelse"` || !strings.HasPrefix(lines[5], "paragraph = ") {
		t.Fatalf("%s changed; lines 2 and 6 are %q and %q", file, lines[1], lines[5])
	}
	with := func(line int, text string) string {
		l := slices.Clone(lines)
		l[line-1] = text
		return strings.Join(l, "\n")
	}
	tests := []struct {
		name string
		text string
		line int
		msg  string
	}{
		{"unclosed quote in the title", with(2, `title = "Klage over en afgørelse`), 2, "front matter is not valid TOML"},
		{"unknown key", with(2, lines[1]+"\nforfatter = \"Ida\""), 3, `unknown key "forfatter"`},
		{"wrong type", with(6, "paragraph = 67"), 6, "paragraph must be text"},
		{"unknown type", with(2, lines[1]+"\ntype = \"lovv\""), 3, `unknown type "lovv"`},
		{"misspelt title", with(2, `Title = "Klage over en afgørelse"`), 2, `unknown key "Title"`},
		{"list not closed", with(4, `tags = ["klage", "rettigheder"`), 4, "array terminator"},
		{"a slug another page has", with(2, lines[1]+"\nslug = \"aktindsigt\""), 3, `slug "aktindsigt" gives the page the address /lov/aktindsigt/, which content/lov/aktindsigt.md has`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Build(exampleSite(t, map[string]string{file: tt.text}), torv.Defaults(), Options{})
			errs := res.Diags.Errors()
			if len(errs) != 1 || errs[0].File != file || errs[0].Line != tt.line || !strings.Contains(errs[0].Msg, tt.msg) {
				t.Errorf("want one error, at %s:%d: %s...; got\n%s", file, tt.line, tt.msg, errs.Error())
			}
			for _, e := range res.Diags {
				if e.File != file {
					t.Errorf("a message in a file the editor did not touch: %v", e)
				}
			}
		})
	}
}
