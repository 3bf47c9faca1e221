package slug

import (
	"strings"
	"testing"
)

func TestMake(t *testing.T) {
	tests := map[string]string{
		"Sygedagpenge":     "sygedagpenge",
		"Børn og unge":     "boern-og-unge",
		"Hvad får du?":     "hvad-faar-du",
		"Lördag":           "loerdag",
		"../../etc/passwd": "etc-passwd",
		"  § 7, stk. 2  ":  "7-stk-2",
		"snake_case":       "snake_case",
		"":                 "",
		"???":              "",
		"Æble--Ø":          "aeble-oe",
	}
	for in, want := range tests {
		if got := Make(in); got != want {
			t.Errorf("Make(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzMakeAsBefore holds Make to what it made when it lowered, spelled
// out and filtered in three passes, the way this reference still does.
func FuzzMakeAsBefore(f *testing.F) {
	translit := strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa", "ä", "ae", "ö", "oe", "ü", "ue",
		"é", "e", "è", "e", "á", "a", "ß", "ss")
	reference := func(s string) string {
		s = translit.Replace(strings.ToLower(s))
		var b strings.Builder
		dash := false
		for _, c := range s {
			switch {
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '_':
				b.WriteRune(c)
				dash = false
			case !dash && b.Len() > 0:
				b.WriteByte('-')
				dash = true
			}
		}
		return strings.TrimRight(b.String(), "-")
	}
	for _, s := range []string{"Sygedagpenge", "Børn og unge", "ÆØÅ äöü ÉÈÁ ẞ ß", "İstanbul Σίσυφος", "a\xffb", "  § 7, stk. 2  ", "--_--"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Make(s), reference(s); got != want {
			t.Errorf("Make(%q) = %q, before %q", s, got, want)
		}
	})
}

func TestMakeAllocatesOnce(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { Make("Hvad gør jobcentret, når du klager over afgørelsen?") }); n > 1 {
		t.Errorf("Make of a heading: %.0f allocations, want 1", n)
	}
}
