package check

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/readability"
)

// Rules lix and long-sentence: how hard the running text is to read.

// Bands of LIX, named in Danish as the issue and the preview name them.
const (
	BandEasy   = "let"
	BandMedium = "middel"
	BandHard   = "svær"
)

// band places a LIX against the site's limits.
func (c *Checker) band(lix float64) string {
	switch {
	case lix > float64(c.lixErr):
		return BandHard
	case lix > float64(c.lixWarn):
		return BandMedium
	}
	return BandEasy
}

// lix measures the page's running text and reports a LIX above the limits.
func (pc *pageCheck) lix() {
	c, run, rep := pc.c, &pc.w.run, pc.res.report
	rep.Stats = run.Stats()
	rep.LIX = rep.Stats.LIX()
	rep.Hardest = pc.hardest(3)
	if rep.Stats.Words < c.lixMin {
		return
	}
	rep.Band = c.band(rep.LIX)
	if rep.Band == BandEasy || !pc.on("lix") {
		return
	}
	found, limit := diag.LevelWarning, c.lixWarn
	if rep.Band == BandHard {
		found, limit = diag.LevelError, c.lixErr
	}
	line, col := 1, 1
	if len(rep.Hardest) > 0 {
		line, col = rep.Hardest[0].Line, rep.Hardest[0].Col
	}
	var parts []string
	for _, s := range rep.Hardest {
		parts = append(parts, fmt.Sprintf("line %d %q", s.Line, s.Text))
	}
	hint := "write shorter sentences and fewer long words"
	if len(parts) > 0 {
		hint = "shorten the hardest sentences first: " + strings.Join(parts, ", ")
	}
	pc.add("lix", found, line, col, fmt.Sprintf("LIX %s (%s) is above %d: %s words in %s, %d%% long words",
		fmtLIX(rep.LIX), rep.Band, limit, fmt.Sprint(rep.Stats.Words), plural(rep.Stats.Sentences, "sentence", "sentences"),
		int(math.Round(100*float64(rep.Stats.Long)/float64(rep.Stats.Words)))), hint)
}

// fmtLIX writes a LIX as a whole number, as LIX is always quoted.
func fmtLIX(x float64) string { return fmt.Sprintf("%.0f", math.Round(x)) }

// hardest returns the n sentences whose removal would lower the page's
// LIX the most: the ones that pull it up. A sentence's own LIX is no
// good measure, as a one-word sentence of one long word has LIX 101; it
// only breaks ties. Sentences that pull the LIX down are never among them.
func (pc *pageCheck) hardest(n int) []Sentence {
	run := &pc.w.run
	all := run.Stats()
	if all.Sentences == 0 {
		return nil
	}
	lix := all.LIX()
	// The n best, by insertion: pages have hundreds of sentences, and
	// sorting them all for three is waste. Ties (a page of sentences
	// alike) go to the sentence harder on its own, then the earlier one.
	type cand struct {
		i           int
		raise, self float64
	}
	better := func(a, b cand) bool {
		if math.Abs(a.raise-b.raise) > 1e-9 {
			return a.raise > b.raise
		}
		return a.self > b.self+1e-9
	}
	best := make([]cand, 0, n+1)
	for i := range run.Sentences {
		one := run.Of(i)
		cd := cand{i, lix - all.Sub(one).LIX(), one.LIX()}
		if cd.raise < -1e-9 || (len(best) == n && !better(cd, best[n-1])) {
			continue
		}
		j := len(best)
		for j > 0 && better(cd, best[j-1]) {
			j--
		}
		best = slices.Insert(best, j, cd)
		if len(best) > n {
			best = best[:n]
		}
	}
	cands := best
	var out []Sentence
	for _, cd := range cands {
		s := run.Sentences[cd.i]
		line, col := pc.posOf(s.Start)
		out = append(out, Sentence{Line: line, Col: col, Text: excerpt(pc.w.text.buf[s.Start:s.End], 80),
			Words: s.N, Long: s.Long, Raise: max(cd.raise, 0)})
	}
	return out
}

// longSentences reports sentences of more words than the limit.
func (pc *pageCheck) longSentences() {
	if !pc.on("long-sentence") {
		return
	}
	run, buf, limit := &pc.w.run, pc.w.text.buf, pc.c.sentenceWords
	for i, s := range run.Sentences {
		if s.N <= limit {
			continue
		}
		line, col := pc.posOf(s.Start)
		hint := "split it into two or more sentences, one thought in each"
		if k := splitPoint(run.SentenceWords(i), buf); k > 0 {
			w := run.SentenceWords(i)[k-1]
			hint = fmt.Sprintf("split it in two: end the first sentence at %q (word %d) and start a new one", string(buf[w.Start:w.End])+",", k)
		}
		pc.add("long-sentence", diag.LevelWarning, line, col,
			fmt.Sprintf("sentence of %d words; the limit is %d: %q", s.N, limit, excerpt(buf[s.Start:s.End], 60)), hint)
	}
}

// splitPoint returns the number of words before the comma nearest the
// middle of a sentence, with at least five words on either side, or 0.
func splitPoint(words []readability.Word, buf []byte) int {
	best, bestDist := 0, len(words)
	for k := 5; k <= len(words)-5; k++ {
		gap := buf[words[k-1].End:words[k].Start]
		if !strings.Contains(string(gap), ",") {
			continue
		}
		if d := abs(k - len(words)/2); d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
