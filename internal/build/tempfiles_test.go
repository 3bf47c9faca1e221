package build

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/torv/torv"
)

// tempNames are editors' temp, swap, lock and backup files of the page
// om.md, one for every pattern of package ignore.
var tempNames = []string{
	"om.md.vsctmp", "om.md.crswap", "#om.md#", ".#om.md", "om.md~", "om.md.~1~",
	".om.md.swp", ".om.md.swo", ".om.md.swn", ".om.md.swx", "om.md.swp", "_om.md.swp", "4913",
	".goutputstream-ABC123", "om.md___jb_tmp___", "om.md___jb_old___", "om.md___jb_bak___",
	".om.md.kate-swp", "om.md.kate-swp", ".~lock.om.md#", "~$om.md", "~WRL0001.tmp",
	"om.tmp", "OM.TMP", "om.md.bak", "om.md.orig", "om.md.rej", "Thumbs.db", "desktop.ini",
}

const tempPage = "+++\ntitle = \"Om siden\"\n+++\n\nTekst.\n"

// tempSite is a small site with the page om.md in content/ and in
// content/om-os/; with temps, every temp file sits beside each page and in
// assets/, holding a valid page, so one that slips through is published
// rather than failing the build.
func tempSite(temps bool) fstest.MapFS {
	files := map[string]string{"content/om.md": tempPage, "content/om-os/om.md": tempPage}
	if temps {
		for _, name := range tempNames {
			for _, dir := range []string{"content/", "content/om-os/", "assets/"} {
				files[dir+name] = tempPage
			}
		}
	}
	return testSite(files)
}

// TestTempFilesLeftOut is issue 11: a site whose folders hold editors'
// temp files builds exactly as it does without them.
func TestTempFilesLeftOut(t *testing.T) {
	res := Build(tempSite(true), torv.Defaults(), Options{})
	if len(res.Diags) > 0 || res.Output == nil {
		t.Fatalf("build failed:\n%s", res.Diags.Error())
	}
	for _, p := range res.Output.Paths() {
		for _, name := range tempNames {
			if strings.Contains(p, name) || strings.Contains(p, strings.TrimSuffix(name, ".md")+"/") {
				t.Errorf("the output has %s, from the temp file %s", p, name)
			}
		}
	}
	want := Build(tempSite(false), torv.Defaults(), Options{})
	if want.Output == nil {
		t.Fatalf("the site without temp files failed:\n%s", want.Diags.Error())
	}
	sameOutput(t, res.Output, want.Output)
}

// TestTempFilesNoRebuild: temp files appearing while the preview runs, and
// reported to it, change nothing and render no page.
func TestTempFilesNoRebuild(t *testing.T) {
	fsys := tempSite(false)
	s := NewSession(fsys, torv.Defaults(), Options{})
	if first := s.Full(); first.Output == nil {
		t.Fatalf("build failed:\n%s", first.Diags.Error())
	}
	var paths []string
	for _, name := range tempNames {
		for _, dir := range []string{"content/", "content/om-os/"} {
			fsys[dir+name] = &fstest.MapFile{Data: []byte(tempPage)}
			paths = append(paths, dir+name)
		}
	}
	u := s.Update(paths)
	if u.Output == nil {
		t.Fatalf("build failed:\n%s", u.Diags.Error())
	}
	if u.Full || u.Pages > 0 || len(u.Changed) > 0 {
		t.Errorf("temp files gave a build: full %v, %d pages, changed %v", u.Full, u.Pages, u.Changed)
	}
	sameOutput(t, u.Output, Build(tempSite(false), torv.Defaults(), Options{}).Output)
}

// sameOutput fails the test when got and want differ in a path or a byte.
func sameOutput(t *testing.T, got, want *Output) {
	t.Helper()
	if g, w := got.Paths(), want.Paths(); !slices.Equal(g, w) {
		t.Fatalf("output paths differ\ngot:  %v\nwant: %v", g, w)
	}
	for _, p := range want.Paths() {
		g, _ := got.Get(p)
		w, _ := want.Get(p)
		if !bytes.Equal(g, w) {
			t.Errorf("%s differs (%d bytes, want %d)", p, len(g), len(w))
		}
	}
}
