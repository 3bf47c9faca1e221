package content

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/torv/torv/internal/sitefs"
	"github.com/torv/torv/internal/sitepath"
)

// ScanIn lists below its roots exactly what Scan lists there, in Scan's
// order, for roots that are folders, files, gone, nested in each other or
// hold what Scan skips or warns about.
func TestScanInIsScanBelowItsRoots(t *testing.T) {
	dir := t.TempDir()
	files := []string{
		"content/_index.md", "content/lov-2.md", "content/lov/x.md", "content/lov/a-b.md",
		"content/lov/a/b.md", "content/lov/kort.png", "content/nyt/_index.md", "content/nyt/sub/side.md",
		"content/nyt/.hemmelig.md", "content/nyt/side.md~", "content/.git/x.md", "content/om.md",
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("+++\n+++\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("/etc", filepath.Join(dir, "content", "nyt", "ud")); err != nil {
		t.Fatal(err)
	}
	fsys, err := sitefs.New(dir)
	if err != nil {
		t.Fatal(err)
	}
	allMD, allOther, allErrs := Scan(fsys)
	tests := []struct {
		roots []string
		ok    bool
	}{
		{roots: []string{"content/lov"}, ok: true},
		{roots: []string{"content/nyt"}, ok: true},
		{roots: []string{"content/lov/x.md", "content/om.md"}, ok: true},
		{roots: []string{"content/lov/a", "content/lov", "content/nyt/sub"}, ok: true},
		{roots: []string{"content/gone", "content/lov/gone.md"}, ok: true},
		{roots: []string{"content"}, ok: false},
		{roots: []string{"content/nyt/ud"}, ok: false},
	}
	for _, tc := range tests {
		md, other, errs, ok := ScanIn(fsys, slices.Clone(tc.roots))
		if ok != tc.ok {
			t.Errorf("%v: ok = %v, want %v", tc.roots, ok, tc.ok)
			continue
		}
		if !ok {
			continue
		}
		below := func(p string) bool {
			return slices.ContainsFunc(tc.roots, func(r string) bool { return p == r || strings.HasPrefix(p, r+"/") })
		}
		var wantMD, wantOther, wantErrs, gotErrs []string
		for _, f := range allMD {
			if below(f) {
				wantMD = append(wantMD, f)
			}
		}
		for _, f := range allOther {
			if below(Dir + "/" + f) {
				wantOther = append(wantOther, f)
			}
		}
		for _, d := range allErrs {
			if below(d.File) {
				wantErrs = append(wantErrs, d.Error())
			}
		}
		for _, d := range errs {
			gotErrs = append(gotErrs, d.Error())
		}
		if !slices.Equal(md, wantMD) || !slices.Equal(other, wantOther) || !slices.Equal(gotErrs, wantErrs) {
			t.Errorf("%v:\n got %q %q %q\nwant %q %q %q", tc.roots, md, other, gotErrs, wantMD, wantOther, wantErrs)
		}
	}
	// Scan's order is sitepath.WalkOrder's: a folder's files before a name that
	// sorts after it by bytes ("lov/x.md" before "lov-2.md").
	if !slices.IsSortedFunc(allMD, sitepath.WalkOrder) || slices.IsSorted(allMD) {
		t.Errorf("Scan's order is not WalkOrder's, or this test shows nothing: %q", allMD)
	}
}
