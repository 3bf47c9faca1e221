package language

import "testing"

func TestStem(t *testing.T) {
	tests := []struct{ lang, a, b string }{
		{"da", "boligstøtten", "boligstøtte"},
		{"da", "sygedagpengene", "sygedagpenge"},
		{"sv", "försörjningsstöden", "försörjningsstöd"},
		{"nb", "bostøtten", "bostøtte"},
		{"en", "complaints", "complaint"},
		{"en", "opening", "opens"},
	}
	for _, tt := range tests {
		l := Get(tt.lang)
		if sa, sb := l.Stem(tt.a), l.Stem(tt.b); sa != sb {
			t.Errorf("%s: Stem(%q) = %q, Stem(%q) = %q; want one stem", tt.lang, tt.a, sa, tt.b, sb)
		}
	}
	if got := Fallback.Stem("running"); got != "running" {
		t.Errorf("Fallback.Stem(running) = %q, want the word unchanged", got)
	}
}

func TestSearchKey(t *testing.T) {
	same := [][]string{
		{"åbningstider", "aabningstider", "abningstider"},
		{"boligstøtte", "boligstoette", "boligstotte"},
		{"försörjningsstöd", "forsorjningsstod"},
		{"værelse", "vaerelse"},
	}
	for _, group := range same {
		want := SearchKey(Get("da").Fold(group[0]))
		for _, w := range group[1:] {
			if got := SearchKey(Get("da").Fold(w)); got != want {
				t.Errorf("SearchKey(%q) = %q, want %q as for %q", w, got, want, group[0])
			}
		}
	}
	if SearchKey("mitid") != SearchKey(Get("da").Fold("MitID")) {
		t.Error("MITID and MitID have different keys")
	}
}
