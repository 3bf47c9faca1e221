package diag

import "fmt"

// Suggest returns the candidate closest to word when it is close enough to
// be a likely typo, and "" otherwise. Closeness is the edit distance on runes
// with swapped neighbours counting as one edit ("titel" is one from "title"),
// allowed to be a third of the word's length.
func Suggest(word string, candidates []string) string {
	best, bestDist := "", -1
	limit := max(1, len([]rune(word))/3)
	for _, c := range candidates {
		d := distance(word, c)
		if d <= limit && (bestDist < 0 || d < bestDist) {
			best, bestDist = c, d
		}
	}
	return best
}

// DidYouMean formats Suggest's answer as a hint, or returns fallback.
func DidYouMean(word string, candidates []string, fallback string) string {
	if s := Suggest(word, candidates); s != "" {
		return fmt.Sprintf("did you mean %q?", s)
	}
	return fallback
}

func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	// d[i][j] is the distance between ra[:i] and rb[:j] (optimal string
	// alignment: Levenshtein plus adjacent transpositions).
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
