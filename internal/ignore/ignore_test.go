package ignore

import "testing"

func TestName(t *testing.T) {
	tests := []struct {
		name string
		want bool
		why  string
	}{
		// Part of the site.
		{"_index.md", false, "list page"},
		{"_index.en.md", false, "list page in English"},
		{"_index.sv.md", false, "list page in Swedish"},
		{"sygedagpenge.md", false, "page"},
		{"om.md", false, "page"},
		{"logo.svg", false, "asset"},
		{"tal.csv", false, "chart data"},
		{"4913.md", false, "only 4913 itself is vim's probe"},
		{"49130", false, "only 4913 itself is vim's probe"},
		{"side-4913.md", false, "only 4913 itself is vim's probe"},
		{"swp.md", false, "swp as a name, not a suffix"},
		{"tmp", false, "tmp as a name, not a suffix"},
		{"vejledning.pdf", false, "document"},
		{"side.md.html", false, "page"},
		{"a~b.md", false, "a tilde inside a name"},
		{"a#b.md", false, "a hash inside a name"},
		{"kontakt-jobcenter", false, "folder"},
		{"thumbs.db.md", false, "a page named after Thumbs.db"},

		// Hidden, drafts, and list pages that are not.
		{".git", true, "hidden folder"},
		{".DS_Store", true, "macOS folder settings"},
		{"._om.md", true, "macOS resource fork"},
		{"_kladde.md", true, "draft"},
		{"_drafts", true, "folder kept out"},
		{"_index.eng.md", true, "not a two-letter language"},
		{"_index.EN.md", true, "language in capitals"},

		// Editors' temp, swap, lock and backup files.
		{"om.md.vsctmp", true, "VS Code safe save"},
		{"om.md.crswap", true, "Chrome and VS Code for the web"},
		{"#om.md#", true, "emacs autosave"},
		{".#om.md", true, "emacs lock"},
		{"om.md~", true, "backup"},
		{"om.md.~1~", true, "emacs numbered backup"},
		{".om.md.swp", true, "vim swap"},
		{".om.md.swo", true, "vim second swap"},
		{".om.md.swn", true, "vim third swap"},
		{".om.md.swx", true, "vim probe"},
		{"om.md.swp", true, "vim swap with 'directory' beside"},
		{"_om.md.swp", true, "vim swap on Windows"},
		{"4913", true, "vim write probe"},
		{".goutputstream-ABC123", true, "gedit"},
		{"om.md___jb_tmp___", true, "JetBrains safe write"},
		{"om.md___jb_old___", true, "JetBrains safe write"},
		{"om.md___jb_bak___", true, "JetBrains, older versions"},
		{".om.md.kate-swp", true, "Kate swap"},
		{"om.md.kate-swp", true, "Kate swap, older versions"},
		{".~lock.om.md#", true, "LibreOffice lock"},
		{"~$vejledning.docx", true, "Microsoft Office owner file"},
		{"~WRL0001.tmp", true, "Microsoft Word temp"},
		{"om.tmp", true, "temp"},
		{"OM.TMP", true, "temp in capitals"},
		{"om.md.bak", true, "backup"},
		{"om.md.orig", true, "git mergetool and patch"},
		{"om.md.rej", true, "patch"},
		{"Thumbs.db", true, "Windows picture cache"},
		{"desktop.ini", true, "Windows folder settings"},
		{"Desktop.ini", true, "Windows folder settings"},
	}
	for _, tt := range tests {
		if got := Name(tt.name); got != tt.want {
			t.Errorf("Name(%q) = %v, want %v (%s)", tt.name, got, tt.want, tt.why)
		}
	}
}

func TestTemp(t *testing.T) {
	for name, want := range map[string]bool{
		".well-known": false, ".htaccess": false, "_redirects": false, "CNAME": false, "google1234.html": false,
		".CNAME.swp": true, ".#CNAME": true, "#CNAME#": true, "CNAME~": true, "CNAME.vsctmp": true,
		".goutputstream-ABC": true, "x.crswap": true, "4913": true,
	} {
		if got := Temp(name); got != want {
			t.Errorf("Temp(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestPath(t *testing.T) {
	for p, want := range map[string]bool{
		"content/om.md": false, "content/.om.md.swp": true, "content/.well-known/x.md": true, "content/_kladder/a.md": true,
		"static/.well-known/security.txt": false, "static/.htaccess": false, "static/CNAME.vsctmp": true,
		"static/.CNAME.swp": true, "static/_redirects": false, "layouts/.base.html.swp": true,
	} {
		if got := Path(p); got != want {
			t.Errorf("Path(%q) = %v, want %v", p, got, want)
		}
	}
}
