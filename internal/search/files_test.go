package search

import (
	"encoding/json"
	"testing"
)

// TestAppendString: a row's strings are written as encoding/json writes
// them, whichever of them the fast path writes itself.
func TestAppendString(t *testing.T) {
	for _, s := range []string{"", "Boligstøtte", "Du kan få hjælp …", "a\u2028b", "a\u2029b", "a\u2027b\u202a",
		"\u2028", "…\u2029", "x\xe2\x80", "\xe2", "<b>", "R&D", `"citat"`, `a\b`, "linje\nlinje", "\xff", "tab\t"} {
		want, _ := json.Marshal(s)
		if got := appendString([]byte("x"), s); string(got) != "x"+string(want) {
			t.Errorf("%q: %s, want %s", s, got[1:], want)
		}
	}
}
