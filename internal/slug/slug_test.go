package slug

import "testing"

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
