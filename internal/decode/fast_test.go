package decode

import (
	"reflect"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

// corpusFrontMatter is a front matter as the benchmark corpus writes them.
const corpusFrontMatter = "title = \"Vedtægt for affald\"\ndate = 2023-03-08T12:00:00+01:00\n" +
	"description = \"Frivillige.\"\ntags = [\"natur\", \"åbenhed\"]\nweight = 17\n"

// fastCases are front matters the fast reader must read (fast: true) or
// leave to BurntSushi/toml. Both kinds seed the fuzz test.
var fastCases = []struct {
	text string
	fast bool
}{
	{"", true},
	{"\n\n", true},
	{`title = "Sygedagpenge"`, true},
	{corpusFrontMatter, true},
	{"updated = 2026-11-23 # last read", true},
	{"d = 2024-02-29", true},
	{"d = 2023-02-29", false}, // no such day: BurntSushi's error
	{"d = 2024-05-01T12:00:00Z", true},
	{"d = 2024-05-01T12:00:00.123456789-05:30", true},
	{"d = 2024-05-01T12:00:00", false}, // a local date-time
	{"d = 2024-05-01 12:00:00Z", false},
	{"d = 2024-5-01", false},
	{`t = "a \"quoted\" word\\ and\ttab\nline"`, true},
	{`t = 'C:\path'`, true},
	{`t = "\u00e6"`, false},
	{`t = """long"""`, false},
	{`t = '''long'''`, false},
	{`t = "unclosed`, false},
	{"t = \"tab\there\"", true},
	{"t = \"nul\x00\"", false},
	{"t = \"bad \xff\"", false},
	{"# a comment\n  indented = true\nflag=false", true},
	{"n = 0\nm = -12\nk = 9223372036854775807", true},
	{"n = 9223372036854775808", false},
	{"n = 012", false},
	{"n = 1_000", false},
	{"n = +1", false},
	{"f = 1.5", false},
	{"tags = []", true},
	{"tags = [ \"a\" , 'b', 3, true, 2024-01-01, ]", true},
	{"tags = [[\"a\"]]", false},
	{"tags = [\"a\",\n\"b\"]", false},
	{"a = 1\na = 2", false},
	{"[address]\nstreet = \"x\"", false},
	{"a.b = 1", false},
	{`"quoted" = 1`, false},
	{"1a = 1", false},
	{"a = 1\r\n", false},
	{"a = {b = 1}", false},
	{"a = 1 b", false},
	{"a = truex", false},
	{"a = 1#c", true},
	{"a = \"x\"#c", true},
	{"a = \"x\" # bad \x01", false},
	{"a =", false},
	{"= 1", false},
}

func TestFastSameAsBurntSushi(t *testing.T) {
	for _, c := range fastCases {
		got, ok := fastDecode(c.text)
		if ok != c.fast {
			t.Errorf("%q: fast reader took it: %v, want %v", c.text, ok, c.fast)
		}
		if ok {
			sameAsBurntSushi(t, c.text, got)
		}
	}
}

// FuzzFastSameAsBurntSushi: whatever the fast reader reads, BurntSushi/toml
// reads too, into the same values.
func FuzzFastSameAsBurntSushi(f *testing.F) {
	for _, c := range fastCases {
		f.Add(c.text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, ok := fastDecode(text); ok {
			sameAsBurntSushi(t, text, got)
		}
	})
}

func sameAsBurntSushi(t *testing.T, text string, got map[string]any) {
	t.Helper()
	var want map[string]any
	if _, err := toml.Decode(text, &want); err != nil {
		t.Fatalf("%q: the fast reader took what BurntSushi/toml refuses: %v", text, err)
	}
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%q:\nfast        %#v\nBurntSushi  %#v", text, got, want)
	}
	for k, v := range want { // DeepEqual looks into a time's zone; say which
		w, ok := v.(time.Time)
		if !ok {
			continue
		}
		g := got[k].(time.Time)
		gn, go_ := g.Zone()
		wn, wo := w.Zone()
		if g.Location().String() != w.Location().String() || gn != wn || go_ != wo {
			t.Fatalf("%q: %s in zone %v %s%+d, BurntSushi gives %v %s%+d", text, k, g.Location(), gn, go_, w.Location(), wn, wo)
		}
	}
}

// BenchmarkFrontMatter reads a front matter of the benchmark corpus with
// each reader: go test -run X -bench FrontMatter ./internal/decode
func BenchmarkFrontMatter(b *testing.B) {
	text := corpusFrontMatter
	b.Run("fast", func(b *testing.B) {
		for b.Loop() {
			if _, ok := fastDecode(text); !ok {
				b.Fatal("not read")
			}
		}
	})
	b.Run("BurntSushi", func(b *testing.B) {
		for b.Loop() {
			var m map[string]any
			if _, err := toml.Decode(text, &m); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkDecode reads and fills a struct with an embedded one, as every
// page's front matter is (a kind's struct embeds Common), allocations
// included: go test -run X -bench 'Decode$' -benchmem ./internal/decode
func BenchmarkDecode(b *testing.B) {
	src := Source{File: "content/a.md", Text: "title = \"Vedtægt for affald\"\ndate = 2023-03-08\n" +
		"tags = [\"natur\", \"åbenhed\"]\nweight = 17\nstep_free = true\n", Line: 2, What: "front matter"}
	for b.Loop() {
		var d doc
		if errs := Decode(src, &d); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}
