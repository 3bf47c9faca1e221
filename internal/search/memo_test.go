package search

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/torv/torv/internal/language"
)

// TestMemo: a text reads the same whether its spellings are new to the
// worker (folded and looked up), remembered (the memo), or were pushed out
// of the memo by thousands of others.
func TestMemo(t *testing.T) {
	texts := []string{
		"Boligstøtte boligstøtte BOLIGSTØTTE boligstøtten Boligstøtten",
		"a i å x-y e-mail CPR-nummer CPR-nummeret CPR's don't bl.a. borger.dk 1.500 12,5 9:30",
		"kommunalbestyrelse Kommunalbestyrelsen grundejerforening tværgående-samarbejde",
		"Åbningstider aabningstider a\u030abningstider cafe\u0301 café CAFÉ",
		// 8 to 16 bytes, differing only inside: the memo's key is its first and last 8 bytes.
		"abcdefgh abcdefghi abcdefgXhi abcdefghijklmnop abcdefghXjklmnop abcdefghijklmnopq abcdefghbcdefghi",
		"søg søge søger søgning søgningen sø s 7 42 2024",
	}
	r := rand.New(rand.NewPCG(3, 4))
	var noise []string // thousands of spellings: more than the memo has places for
	for range 40 {
		ws := make([]string, 500)
		for i := range ws {
			ws[i] = fmt.Sprintf("ord%dx%s", r.IntN(20000), strings.Repeat("e", r.IntN(12)))
		}
		noise = append(noise, strings.Join(ws, " "))
	}
	x := NewIndexer(language.Get("da"))
	first := make([]*Body, len(texts))
	for i, s := range texts {
		first[i] = x.Body(nil, []byte(s))
	}
	check := func(when string) {
		t.Helper()
		for i, s := range texts {
			b := x.Body(nil, []byte(s))
			if !bytes.Equal(b.words, first[i].words) || !bytes.Equal(b.groups, first[i].groups) {
				t.Errorf("%s: %q reads otherwise than the first time", when, s)
			}
		}
	}
	check("remembered")
	for _, s := range noise {
		x.Body(nil, []byte(s))
	}
	check("after others")
}

// TestMemoKey: spellings of up to 16 bytes have keys of their own, with
// their lengths; longer ones have none.
func TestMemoKey(t *testing.T) {
	type key struct {
		lo, hi uint64
		n      int
	}
	seen := map[key]string{}
	for _, w := range []string{"a", "ab", "ba", "søg", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghbcdefghi",
		"abcdefghijklmnop", "abcdefghXjklmnop", "bcdefghi", "æøå"} {
		lo, hi, ok := memoKey([]byte(w), 0, len(w))
		if !ok {
			t.Errorf("%q has no key", w)
			continue
		}
		// In a text, the bytes after the spelling are not its key's.
		text := []byte("  " + w + " abcdefghij")
		if lo2, hi2, _ := memoKey(text, 2, 2+len(w)); lo2 != lo || hi2 != hi {
			t.Errorf("%q has another key in a text", w)
		}
		k := key{lo, hi, len(w)}
		if other, dup := seen[k]; dup {
			t.Errorf("%q and %q have one key", w, other)
		}
		seen[k] = w
	}
	if _, _, ok := memoKey([]byte("abcdefghijklmnopq"), 0, 17); ok {
		t.Error("a spelling of 17 bytes has a key")
	}
}
