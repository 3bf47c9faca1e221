package language

import (
	"slices"
	"strings"
	"testing"
)

func TestCompare(t *testing.T) {
	tests := []struct {
		lang, a, b string
		want       int
	}{
		// Danish and Norwegian: æ ø å after z, ä and ö with æ and ø, aa as å.
		{"da", "z", "æ", -1}, {"da", "æ", "ø", -1}, {"da", "ø", "å", -1}, {"da", "Å", "æ", 1},
		{"da", "Abe", "abe", 0}, {"da", "Øl", "ol", 1}, {"da", "ä", "æ", 0}, {"da", "Öre", "Øre", 0},
		{"da", "aa", "ab", 1}, {"da", "Aarhus", "Århus", 0}, {"da", "Aalborg", "Zealand", 1}, {"da", "Aabenraa", "Åbenrå", 0},
		{"da", "idé", "ide", 0}, {"da", "Müller", "Mynte", -1}, {"da", "Müller", "Muus", 1},
		{"nb", "z", "æ", -1}, {"nb", "ø", "å", -1}, {"nb", "Aase", "Åse", 0},
		// Swedish: å ä ö after z, æ and ø with ä and ö; aa is two a's.
		{"sv", "z", "å", -1}, {"sv", "å", "ä", -1}, {"sv", "ä", "ö", -1}, {"sv", "æ", "ä", 0}, {"sv", "ø", "ö", 0},
		{"sv", "aa", "ab", -1}, {"sv", "Ärende", "Åtgärd", 1},
		// English and the fallback: plain letters.
		{"en", "Æble", "Adam", 1}, {"en", "Æble", "Afgift", -1}, {"en", "Øre", "ore", 0}, {"en", "Åse", "ase", 0},
		{"en", "Müller", "Muller", 0}, {"en", "aa", "ab", -1}, {"de", "Öl", "ol", 0},
		// Package content sorts titles and topics by these keys; its own
		// copy, gone, read Danish "aa" as two a's.
		{"da", "z", "æ", -1}, {"da", "Å", "æ", 1}, {"da", "Øl", "ol", 1}, {"nb", "Abe", "abe", 0}, {"en", "Abe", "abe", 0},
		// Words before longer words: "Digital Post" before "Digitalisering".
		{"da", "Digital Post", "Digitalisering", -1},
	}
	for _, tt := range tests {
		if got := Get(tt.lang).Compare(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: Compare(%q, %q) = %d, want %d", tt.lang, tt.a, tt.b, got, tt.want)
		}
	}
}

func TestSortOrder(t *testing.T) {
	words := []string{"Åtgärd", "Zon", "Ærø", "Aarhus", "Ärende", "Øl", "Abe", "Öppettider", "Ost"}
	want := map[string]string{
		"da": "Abe Ost Zon Ärende Ærø Øl Öppettider Aarhus Åtgärd",
		"sv": "Aarhus Abe Ost Zon Åtgärd Ärende Ærø Øl Öppettider",
		"nb": "Abe Ost Zon Ärende Ærø Øl Öppettider Aarhus Åtgärd",
		"en": "Aarhus Abe Ærø Ärende Åtgärd Øl Öppettider Ost Zon",
	}
	for lang, w := range want {
		l := Get(lang)
		got := slices.Clone(words)
		slices.SortStableFunc(got, l.Compare)
		if s := strings.Join(got, " "); s != w {
			t.Errorf("%s:\ngot  %s\nwant %s", lang, s, w)
		}
	}
}

func TestLetter(t *testing.T) {
	tests := []struct{ lang, title, want string }{
		{"da", "abonnement", "A"},
		{"da", "Ärende", "Æ"},
		{"da", "Öre", "Ø"},
		{"da", "Ål", "Å"},
		{"da", "Aarhus", "Å"},
		{"sv", "Aarhus", "A"},
		{"sv", "Æble", "Ä"},
		{"sv", "Ø", "Ö"},
		{"en", "Æble", "A"},
		{"en", "Øre", "O"},
		{"en", "Éclair", "E"},
		{"nb", "Ål", "Å"},
		{"nb", "Aasen", "Å"},
		{"nb", "Ärlig", "Æ"},
		{"nb", "Öl", "Ø"},
		{"en", "Ärende", "A"},
		{"en", "Aarhus", "A"},
		{"da", "Über", "Y"},
		{"sv", "Über", "Y"},
		{"und", "Ærø", "A"},
		{"da", "112", "0–9"},
		{"da", "«Digital Post»", "D"},
		{"da", "...", "#"},
		{"da", "Ωμέγα", "Ω"},
		// Only the first word is read: a pair is never split by a space.
		{"da", "Aa Borg", "Å"},
		{"da", "A aborre", "A"},
		{"da", "U\u0308ber alt", "Y"},
		{"da", "« Aarhus Kommune»", "Å"},
	}
	for _, tt := range tests {
		if got := Get(tt.lang).Letter(tt.title); got != tt.want {
			t.Errorf("%s: Letter(%q) = %q, want %q", tt.lang, tt.title, got, tt.want)
		}
	}
	// A Letterer remembers the letter of each first word it met: one for
	// all the titles of a language, asked twice, answers as Letter does.
	letterers := map[string]func(string) string{}
	for range 2 {
		for _, tt := range tests {
			letter := letterers[tt.lang]
			if letter == nil {
				letter = Get(tt.lang).Letterer()
				letterers[tt.lang] = letter
			}
			if got := letter(tt.title); got != tt.want {
				t.Errorf("%s: a Letterer's letter of %q = %q, want %q", tt.lang, tt.title, got, tt.want)
			}
		}
	}
	if got := strings.Join(Get("sv").Alphabet()[24:], ""); got != "YZÅÄÖ" {
		t.Errorf("Swedish alphabet ends %s", got)
	}
	if got := strings.Join(Get("da").Alphabet()[24:], ""); got != "YZÆØÅ" {
		t.Errorf("Danish alphabet ends %s", got)
	}
	if got := len(Get("en").Alphabet()); got != 26 {
		t.Errorf("English alphabet has %d letters", got)
	}
}
