package content_test

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/content"
)

// TestReadBody holds a released body, read again, to the body the file
// gave, and refuses a file that changed under the page.
func TestReadBody(t *testing.T) {
	const file = "content/om.md"
	const text = "+++\ntitle = \"Om\"\n+++\n\nHej *verden*.\n"
	for _, tc := range []struct {
		name  string
		now   *fstest.MapFile // the file when the body is read again; nil: gone
		body  string          // the body ReadBody gives
		error string          // part of its error; "" for none
	}{
		{"unchanged", &fstest.MapFile{Data: []byte(text)}, "\n\n\n\nHej *verden*.\n", ""},
		{"body edited", &fstest.MapFile{Data: []byte("+++\ntitle = \"Om\"\n+++\n\nNy tekst.\n")}, "\n\n\n\nNy tekst.\n", ""},
		{"front matter edited", &fstest.MapFile{Data: []byte("+++\ntitle = \"Andet\"\n+++\n\nHej.\n")}, "", "changed while torv was building"},
		{"front matter gone", &fstest.MapFile{Data: []byte("Hej.\n")}, "", "changed while torv was building"},
		{"deleted", nil, "", "changed while torv was building"},
		{"no longer UTF-8", &fstest.MapFile{Data: []byte(text + "\xff\n")}, "", "changed while torv was building"},
		{"grown too large", &fstest.MapFile{Data: []byte(text + strings.Repeat("x", content.MaxPageSize))}, "", "changed while torv was building"},
		{"nested too deep", &fstest.MapFile{Data: []byte("+++\ntitle = \"Om\"\n+++\n" + strings.Repeat("> ", 90) + "x\n")}, "", "nested too deeply"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{"config.toml": {Data: []byte(testConfig)}, file: {Data: []byte(text)}}
			cfg, errs := config.Parse(fsys, content.KindNames(), content.KindHint)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			p := content.ParseFile(fsys, file, cfg).Page
			want := string(p.Body)
			p.ReleaseBody()
			if p.Body != nil {
				t.Fatalf("released body: %q", p.Body)
			}
			if tc.now == nil {
				delete(fsys, file)
			} else {
				fsys[file] = tc.now
			}
			err := p.ReadBody(fsys)
			switch {
			case tc.error == "" && err != nil:
				t.Fatalf("ReadBody: %v", err)
			case tc.error != "" && (err == nil || !strings.Contains(err.Error(), tc.error)):
				t.Fatalf("ReadBody: %v, want an error with %q", err, tc.error)
			case string(p.Body) != tc.body:
				t.Errorf("body %q, want %q", p.Body, tc.body)
			}
			if tc.name == "unchanged" && string(p.Body) != want {
				t.Errorf("body read again %q, first read %q", p.Body, want)
			}
		})
	}
}

// TestReleaseFrontMatter: the front matter's text goes with
// ReleaseFrontMatter, so positions fall back to its first line, and comes
// back with ReadBody; a changed front matter is still told apart.
func TestReleaseFrontMatter(t *testing.T) {
	const file = "content/om.md"
	const text = "+++\ntitle = \"Om\"\nlayout = \"x\"\n+++\n\nHej.\n"
	for _, tc := range []struct {
		name, now string
		error     bool
	}{
		{"unchanged", text, false},
		{"value edited", strings.Replace(text, "\"x\"", "\"y\"", 1), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{"config.toml": {Data: []byte(testConfig)}, file: {Data: []byte(text)}}
			cfg, errs := config.Parse(fsys, content.KindNames(), content.KindHint)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			p := content.ParseFile(fsys, file, cfg).Page
			p.ReleaseFrontMatter() // the body is still there: nothing to read again, so it stays
			if line, _ := p.Pos("layout"); line != 3 {
				t.Fatalf("front matter released with its body kept: layout at line %d", line)
			}
			p.ReleaseBody()
			p.ReleaseFrontMatter()
			if front, _ := p.FrontMatter(); front != "" {
				t.Errorf("released front matter %q", front)
			}
			if line, col := p.Pos("layout"); line != 1 || col != 1 {
				t.Errorf("released: layout at %d:%d, want the first line", line, col)
			}
			fsys[file] = &fstest.MapFile{Data: []byte(tc.now)}
			err := p.ReadBody(fsys)
			if (err != nil) != tc.error {
				t.Fatalf("ReadBody: %v", err)
			}
			if tc.error {
				return
			}
			if line, col := p.Pos("layout"); line != 3 || col != 10 {
				t.Errorf("read again: layout at %d:%d, want 3:10", line, col)
			}
		})
	}
}

// TestReleaseBodyKeeps: a page that has no file, or no body that was
// read, keeps what it has, and ReadBody leaves it alone.
func TestReleaseBodyKeeps(t *testing.T) {
	for _, p := range []*content.Page{
		{URL: "/emner/", Body: []byte("generated")}, // no file
		{File: "content/x.md"},                      // no body
	} {
		before := p.Body
		p.ReleaseBody()
		if string(p.Body) != string(before) {
			t.Errorf("%s%s: body %q, want %q", p.File, p.URL, p.Body, before)
		}
		if err := p.ReadBody(fstest.MapFS{}); err != nil || string(p.Body) != string(before) {
			t.Errorf("%s%s: ReadBody %v, body %q", p.File, p.URL, err, p.Body)
		}
	}
}

// TestParseFileInto: a file is read into the memory it is given when that
// has room, the page's Body is that memory until ReleaseBody, and a
// larger file is read into new memory, which the caller is given back.
// The page is the one ParseFile makes.
func TestParseFileInto(t *testing.T) {
	long := "+++\ntitle = \"Lang\"\n+++\n\n" + strings.Repeat("Et langt afsnit. ", 200) + "\n"
	fsys := fstest.MapFS{
		"content/kort.md": {Data: []byte("+++\ntitle = \"Kort\"\n+++\n\nKort tekst.\n")},
		"content/lang.md": {Data: []byte(long)},
	}
	cfg := &config.Config{}
	// in reports whether body is the end of the file read into buf: the
	// front matter before it is blanked, not cut off.
	in := func(body, buf []byte) bool {
		return len(body) > 0 && len(buf) >= len(body) && &body[len(body)-1] == &buf[len(buf)-1]
	}
	buf := make([]byte, 0, 1024)
	mem := &buf[:1][0]
	pr := content.ParseFileInto(fsys, "content/kort.md", cfg, &buf)
	if pr == nil || pr.Page == nil || len(pr.Errs) > 0 {
		t.Fatalf("kort.md: %+v", pr)
	}
	if want := content.ParseFile(fsys, "content/kort.md", cfg); !reflect.DeepEqual(pr.Page, want.Page) {
		t.Errorf("kort.md into a buffer:\n%+v\nParseFile:\n%+v", pr.Page, want.Page)
	}
	if &buf[:1][0] != mem || !in(pr.Page.Body, buf) {
		t.Error("kort.md was not read into the buffer given, which has room for it")
	}
	pr.Page.ReleaseBody()
	if pr.Page.Body != nil {
		t.Fatal("ReleaseBody kept the body")
	}
	pr = content.ParseFileInto(fsys, "content/lang.md", cfg, &buf)
	if pr == nil || pr.Page == nil || !strings.Contains(string(pr.Page.Body), "Et langt afsnit.") {
		t.Fatalf("lang.md: %+v", pr)
	}
	if &buf[:1][0] == mem || !in(pr.Page.Body, buf) || len(buf) != len(long) {
		t.Errorf("lang.md (%d bytes) is not in the new memory left in the buffer (%d bytes)", len(long), len(buf))
	}
}
