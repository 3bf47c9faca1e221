package server

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/build"
	"github.com/torv/torv/internal/check"
	"github.com/torv/torv/internal/content"
)

// easyText is 42 words in 6 sentences, none longer than six letters:
// LIX 42/6 + 0 = 7, band "let".
var easyText = strings.Repeat("Du kan ringe til os hver dag. ", 6)

// panelSite has one mistake of torv check on om.md (a link text that says
// nothing) and one of the build's own warnings on html.md.
var panelSite = map[string]string{
	"config.toml":          "title = \"Test\"\nmunicipality = \"Testby Kommune\"\nbaseurl = \"https://test.example/\"\n\n[check]\neditor = \"vscode\"\n",
	"content/_index.md":    "+++\ntitle = \"Forside\"\ndescription = \"Forsiden.\"\n+++\n\nVelkommen.\n",
	"content/om.md":        "+++\ntitle = \"Om os\"\ndescription = \"Om kommunen.\"\n+++\n\n" + easyText + "\n\nSkriv til os: [klik her](/kontakt/).\n",
	"content/kontakt.md":   "+++\ntitle = \"Kontakt\"\ndescription = \"Sådan kontakter du os.\"\n+++\n\nRing til os.\n",
	"content/html.md":      "+++\ntitle = \"HTML\"\ndescription = \"En side med HTML.\"\n+++\n\nEn <b>fed</b> tekst.\n",
	"content/emner/a.md":   "+++\ntitle = \"A\"\ndescription = \"A.\"\n+++\n\nA.\n",
	"content/emner/b.md":   "+++\ntitle = \"B\"\ndescription = \"B.\"\n+++\n\nB.\n",
	"content/ord/frist.md": "+++\ntitle = \"Frist\"\ntype = \"term\"\nshort = \"Den sidste dag, du kan gøre noget.\"\n+++\n",
}

// newPanelServer serves files with the findings panel on.
func newPanelServer(t *testing.T, files map[string]string) *testServer {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, files)
	log := &syncBuffer{}
	srv := New(os.DirFS(dir), torv.Defaults(), build.Options{Drafts: true}, log)
	srv.ShowFindings(dir)
	if diags := srv.Build(); diags.Err(false) != nil {
		t.Fatal(diags)
	}
	hs := httptest.NewServer(srv)
	t.Cleanup(func() {
		srv.Close()
		hs.Close()
	})
	return &testServer{hs, srv, dir, log}
}

// panelOf returns the panel in a served page, "" when it has none.
func panelOf(body string) string {
	i := strings.Index(body, `<aside class="torv-check"`)
	if i < 0 {
		return ""
	}
	j := strings.Index(body[i:], "</aside>")
	if j < 0 {
		return body[i:]
	}
	return body[i : i+j+len("</aside>")]
}

func TestPanelOnServedPages(t *testing.T) {
	ts := newPanelServer(t, panelSite)
	abs := filepath.ToSlash(ts.dir)
	tests := []struct {
		path     string
		want     []string // in the panel
		notWant  []string
		hasPanel bool
	}{
		// easyText, "Om kommunen." (the description) and "Skriv til os:
		// klik her.": W = 42+2+5 = 49, S = 6+1+2 = 9 (the colon ends one),
		// L = 1 (kommunen): 49/9 + 100/49 = 5.44 + 2.04 = 7.48.
		{"/om/", []string{
			`<details open>`,
			`<summary>Tjek af siden: 0 fejl, 1 advarsel · LIX 7 <span class="torv-check-band torv-check-easy">let</span></summary>`,
			`link text &#34;klik her&#34; says nothing about where the link goes <code>[link-text]</code>`,
			`Sådan retter du det: write what the reader finds there`,
			// The line links to the editor config.toml names.
			`<a href="vscode://file` + abs + `/content/om.md:8:15">content/om.md:8:15</a>`,
		}, nil, true},
		// The build's own warnings about the page are in its panel too.
		{"/html/", []string{"HTML in Markdown is left out of the page", "content/html.md:6:4"}, nil, true},
		// A clean page has a folded panel.
		{"/kontakt/", []string{"<details>", "Ingen fund på siden."}, []string{"<details open>"}, true},
		{"/kontakt/index.html", []string{"Ingen fund på siden."}, nil, true},
		// Pages torv makes itself, and the 404 page, have no file to fix.
		{"/emner/", nil, nil, false},
		{"/findes-ikke/", nil, nil, false},
	}
	for _, tt := range tests {
		_, body := get(t, ts, tt.path)
		panel := panelOf(body)
		if (panel != "") != tt.hasPanel {
			t.Errorf("%s: has a panel %v, want %v:\n%s", tt.path, panel != "", tt.hasPanel, panel)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(panel, w) {
				t.Errorf("%s: the panel lacks %q:\n%s", tt.path, w, panel)
			}
		}
		for _, w := range tt.notWant {
			if strings.Contains(panel, w) {
				t.Errorf("%s: the panel has %q:\n%s", tt.path, w, panel)
			}
		}
		if tt.hasPanel {
			// The stylesheet goes with it, and both come before the
			// live-reload script, inside the body.
			i, j := strings.Index(body, `<link rel="stylesheet" href="`+check.PanelCSSPath+`">`), strings.Index(body, `<script src="/__torv/live.js"`)
			if i < 0 || j < i || strings.LastIndex(body, "</body>") < j && strings.Contains(body, "</body>") {
				t.Errorf("%s: the panel's stylesheet and the script are not in order before </body>", tt.path)
			}
		}
	}
	// The stylesheet is served where the panel links it, as CSS.
	res, err := http.Get(ts.URL + check.PanelCSSPath)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/css; charset=utf-8" || res.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("%s: %d %s", check.PanelCSSPath, res.StatusCode, res.Header.Get("Content-Type"))
	}
}

// TestPanelNeverInTheBuild: the panel is added to responses only; neither
// the preview's Output nor build's has it.
func TestPanelNeverInTheBuild(t *testing.T) {
	ts := newPanelServer(t, panelSite)
	if _, body := get(t, ts, "/om/"); panelOf(body) == "" {
		t.Fatal("the preview shows no panel, so this test proves nothing")
	}
	ts.srv.mu.Lock()
	served := ts.srv.out
	ts.srv.mu.Unlock()
	built := build.Build(os.DirFS(ts.dir), torv.Defaults(), build.Options{})
	if built.Output == nil {
		t.Fatal(built.Diags)
	}
	for name, out := range map[string]*build.Output{"the preview's output": served, "build's output": built.Output} {
		for _, p := range out.Paths() {
			b, _ := out.Get(p)
			if strings.Contains(string(b), "torv-check") || strings.Contains(string(b), check.PanelCSSPath) {
				t.Errorf("%s: %s has the panel", name, p)
			}
		}
	}
}

// TestPanelFollowsEdits edits the site the ways an editor does and checks
// that each page's panel says what is true after the rebuild.
func TestPanelFollowsEdits(t *testing.T) {
	ts := newPanelServer(t, panelSite)
	panel := func(path string) string {
		t.Helper()
		code, body := get(t, ts, path)
		if code != 200 {
			t.Fatalf("%s: %d", path, code)
		}
		return panelOf(body)
	}
	if p := panel("/om/"); !strings.Contains(p, "[link-text]") {
		t.Fatalf("no finding before the edit:\n%s", p)
	}
	steps := []struct {
		what    string
		files   map[string]string
		path    string
		want    []string
		notWant []string
	}{
		{"a fix below the front matter",
			map[string]string{"content/om.md": strings.Replace(panelSite["content/om.md"], "[klik her]", "[Kontakt kommunen]", 1)},
			"/om/", []string{"Ingen fund på siden."}, []string{"[link-text]", "klik her"}},
		{"a new mistake below the front matter",
			map[string]string{"content/om.md": strings.Replace(panelSite["content/om.md"], "[klik her]", "[her]", 1)},
			"/om/", []string{`link text &#34;her&#34; says nothing`}, nil},
		{"a front matter without description",
			map[string]string{"content/om.md": "+++\ntitle = \"Om os\"\n+++\n\n" + easyText + "\n"},
			"/om/", []string{"the page has no description <code>[description]</code>"}, []string{"[link-text]"}},
		{"a new page",
			map[string]string{"content/ny.md": "+++\ntitle = \"Ny\"\ndescription = \"Ny side.\"\n+++\n\nSe [mere](/om/).\n"},
			"/ny/", []string{`link text &#34;mere&#34; says nothing`}, nil},
		// "frister" is not the form the entry lists, so the build does not
		// link it: the page must.
		{"a glossary term in another form than the entry's",
			map[string]string{"content/kontakt.md": "+++\ntitle = \"Kontakt\"\ndescription = \"Sådan kontakter du os.\"\n+++\n\nHusk dine frister. Se [siden om os](/om/).\n"},
			"/kontakt/", []string{`&#34;frister&#34; is in the glossary, but the page does not explain it`}, nil},
		{"a glossary entry that now links a page the page links: the page explains the term",
			map[string]string{"content/ord/frist.md": panelSite["content/ord/frist.md"] + "\nSe [siden om os](/om/).\n"},
			"/kontakt/", []string{"Ingen fund på siden."}, []string{"[glossary]"}},
		{"another language in config.toml",
			map[string]string{"config.toml": strings.Replace(panelSite["config.toml"], "baseurl", "language = \"sv\"\nbaseurl", 1)},
			"/om/", []string{"Kontroll av sidan: 0 fel, 1 varning", "[description]"}, nil},
	}
	for _, st := range steps {
		ts.edit(t, st.files)
		p := panel(st.path)
		for _, w := range st.want {
			if !strings.Contains(p, w) {
				t.Errorf("after %s: the panel of %s lacks %q:\n%s", st.what, st.path, w, p)
			}
		}
		for _, w := range st.notWant {
			if strings.Contains(p, w) {
				t.Errorf("after %s: the panel of %s still has %q:\n%s", st.what, st.path, w, p)
			}
		}
	}
	// A page that went away is no longer checked.
	if err := os.Remove(filepath.Join(ts.dir, "content", "ny.md")); err != nil {
		t.Fatal(err)
	}
	ts.srv.Update([]string{"content/ny.md"})
	if code, body := get(t, ts, "/ny/"); code != 404 || panelOf(body) != "" {
		t.Errorf("a removed page: %d, panel %q", code, panelOf(body))
	}
}

// TestPanelOff: without ShowFindings (torv serve -check=false) there is
// neither panel nor stylesheet.
func TestPanelOff(t *testing.T) {
	ts := newTestServer(t, panelSite)
	if _, body := get(t, ts, "/om/"); panelOf(body) != "" || strings.Contains(body, check.PanelCSSPath) {
		t.Error("a panel without ShowFindings")
	}
	if code, _ := get(t, ts, check.PanelCSSPath); code != 404 {
		t.Errorf("%s without ShowFindings: %d", check.PanelCSSPath, code)
	}
}

// TestPanelWithoutEditor: without [check] editor, the position is text.
func TestPanelWithoutEditor(t *testing.T) {
	files := map[string]string{}
	for k, v := range panelSite {
		files[k] = v
	}
	files["config.toml"] = "title = \"Test\"\nmunicipality = \"Testby Kommune\"\n"
	ts := newPanelServer(t, files)
	_, body := get(t, ts, "/om/")
	p := panelOf(body)
	if !strings.Contains(p, "content/om.md:8:15: link text") || strings.Contains(p, "<a ") {
		t.Errorf("the panel without an editor:\n%s", p)
	}
}

// BenchmarkEditToServed times what the preview does between an editor's
// save and the page served: the rebuild after an edit below a page's
// front matter, and the request for that page, with the findings panel
// and without. The site is $TORV_CORPUS (such as the 10 000-page corpus
// of bench/run.sh; one page is edited and put back), else 500 generated
// pages.
func BenchmarkEditToServed(b *testing.B) {
	dir := os.Getenv("TORV_CORPUS")
	if dir == "" {
		dir = b.TempDir()
		files := map[string]string{"config.toml": panelSite["config.toml"], "content/_index.md": panelSite["content/_index.md"]}
		for i := range 500 {
			files[fmt.Sprintf("content/nyheder/side-%03d.md", i)] = fmt.Sprintf("+++\ntitle = \"Side %d\"\ndescription = \"Side %d.\"\n+++\n\n%s\n\nSe [side 1](/nyheder/side-001/).\n", i, i, easyText)
		}
		writeFiles(b, dir, files)
	}
	md, _, _ := content.Scan(os.DirFS(dir))
	rel := md[len(md)/2]
	for _, f := range md {
		if strings.HasPrefix(f, "content/nyheder/") && !strings.HasPrefix(path.Base(f), "_") {
			rel = f // the page bench/run.sh edits
			break
		}
	}
	file := filepath.Join(dir, filepath.FromSlash(rel))
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.WriteFile(file, orig, 0o644) })
	url := "http://127.0.0.1:1313" + strings.TrimSuffix(strings.TrimPrefix(rel, "content"), ".md") + "/"
	for _, withPanel := range []bool{false, true} {
		name := "without-panel"
		if withPanel {
			name = "with-panel"
		}
		b.Run(name, func(b *testing.B) {
			srv := New(os.DirFS(dir), torv.Defaults(), build.Options{Drafts: true}, io.Discard)
			if withPanel {
				srv.ShowFindings(dir)
			}
			srv.Build()
			serve := func(marker string) {
				rec := httptest.NewRecorder()
				srv.ServeHTTP(rec, httptest.NewRequest("GET", url, nil))
				body := rec.Body.String()
				if rec.Code != 200 || !strings.Contains(body, marker) || strings.Contains(body, "torv-check") != withPanel {
					b.Fatalf("GET %s: %d, marker %v, panel %v", url, rec.Code, strings.Contains(body, marker), strings.Contains(body, "torv-check"))
				}
			}
			// The first request after the first build reads the whole site
			// for the panel: reported as first-ms.
			t0 := time.Now()
			serve("")
			first := time.Since(t0)
			i := 0
			for b.Loop() {
				i++
				marker := fmt.Sprintf("Rettelse BENCHEDIT%d.", i)
				if err := os.WriteFile(file, append(slices.Clip(orig), "\n"+marker+"\n"...), 0o644); err != nil {
					b.Fatal(err)
				}
				srv.Update([]string{rel})
				serve(marker)
			}
			b.ReportMetric(float64(first.Microseconds())/1000, "first-ms")
			srv.Close()
		})
	}
}
