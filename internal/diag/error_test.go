package diag

import (
	"errors"
	"testing"
)

func TestErrorFormat(t *testing.T) {
	tests := []struct {
		err  *Error
		want string
	}{
		{Errorf("content/lov/x.md", 7, 12, "unknown key %q in front matter", "reviewd").WithHint("did you mean %q?", "reviewed"),
			`content/lov/x.md:7:12: unknown key "reviewd" in front matter (did you mean "reviewed"?)`},
		{Errorf("config.toml", 3, 0, "bad"), "config.toml:3: bad"},
		{Errorf("content/a.md", 0, 0, "empty"), "content/a.md: empty"},
		{Errorf("content/a.md", 2, 1, "no description").Warning(), "content/a.md:2:1: warning: no description"},
		{&Error{File: "content/a.md", Line: 3, Col: 1, Msg: "LIX 47", Hint: "shorten it", Level: LevelWarning, Rule: "lix"},
			"content/a.md:3:1: warning: LIX 47 (shorten it) [lix]"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
	}
}

func TestListSortsAndDedupes(t *testing.T) {
	var l List
	l.Add(Errorf("b.md", 1, 1, "x"), nil, Errorf("a.md", 9, 1, "y"), Errorf("a.md", 2, 5, "z"), Errorf("a.md", 2, 5, "z"))
	l.Sort()
	want := "a.md:2:5: z\na.md:9:1: y\nb.md:1:1: x"
	if got := l.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	var target List
	if err := l.Err(false); !errors.As(err, &target) || len(target) != 3 {
		t.Errorf("Err did not return the list: %v", err)
	}
}

func TestListErrLevels(t *testing.T) {
	l := List{Errorf("a.md", 1, 1, "w").Warning()}
	if l.Err(false) != nil {
		t.Error("a warning alone failed a non-strict build")
	}
	if l.Err(true) == nil {
		t.Error("a warning did not fail a strict build")
	}
}

func TestSuggest(t *testing.T) {
	keys := []string{"title", "description", "reviewed", "review_by", "weight"}
	tests := map[string]string{
		"reviewd": "reviewed", "titel": "title", "wieght": "weight",
		"descripton": "description", "colour": "", "x": "",
	}
	for in, want := range tests {
		if got := Suggest(in, keys); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMerged: a layout's mistake that showed in many pages is one entry,
// naming a page (a file before an address, then the first by name) and
// how many others; other entries, and the entries given, stay as they
// are.
func TestMerged(t *testing.T) {
	at := func(making, msg string) *Error {
		return &Error{File: "layouts/partials/footer.html", Line: 8, Col: 12, Msg: msg, Making: making}
	}
	in := List{
		at("content/om.md", "no field X"),
		Errorf("content/a.md", 2, 1, "unknown key"),
		at("/404.html", "no field X"),
		at("content/a.md", "no field X"),
		at("content/b.md", "no field Y"),
		at("content/c.md", "no field Z"),
		at("content/d.md", "no field Z"),
	}
	got := in.Merged()
	got.Sort()
	want := "content/a.md:2:1: unknown key\n" +
		"layouts/partials/footer.html:8:12: no field X (while making content/a.md and 2 other pages)\n" +
		"layouts/partials/footer.html:8:12: no field Y (while making content/b.md)\n" +
		"layouts/partials/footer.html:8:12: no field Z (while making content/c.md and 1 other page)"
	if got.Error() != want {
		t.Errorf("got\n%s\nwant\n%s", got.Error(), want)
	}
	if in[0].Msg != "no field X" || in[0].Making != "content/om.md" {
		t.Errorf("Merged changed an entry it was given: %+v", in[0])
	}
	if e := at("content/om.md", "no field X"); e.Error() != "layouts/partials/footer.html:8:12: no field X (while making content/om.md)" {
		t.Errorf("an entry not merged prints %q", e.Error())
	}
}
