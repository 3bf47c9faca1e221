package main

import (
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// query is one search: its text and the page it was drawn from, which
// the results must contain (for a title query, among the first shown).
type query struct {
	kind string // "one" (a word) or "three" (three words of a title)
	text string
	url  string // the page it was drawn from, as /section/slug/
}

var (
	titleRE  = regexp.MustCompile(`(?m)^title\s*=\s*"(.*)"\s*$`)
	linkRE   = regexp.MustCompile(`\]\([^)]*\)`)        // a Markdown link's address
	wordRE   = regexp.MustCompile(`[\p{L}\p{M}\p{N}]+`) // a word as search.js splits one
	digitsRE = regexp.MustCompile(`^[0-9]+$`)
)

// pages lists the Markdown pages below dir (not the lists' _index.md),
// sorted, so that a seed draws the same queries on every run.
func pages(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && d.Name() != "_index.md" {
			out = append(out, p)
		}
		return err
	})
	slices.Sort(out)
	return out, err
}

// draw draws n queries of each kind from the pages below dir: a one-word
// query is a word of four letters or more from a random page's title or
// text; a three-word query is three words of three letters or more of a
// random page's title, in the title's order.
func draw(dir string, n int, seed uint64) ([]query, error) {
	files, err := pages(dir)
	if err != nil {
		return nil, err
	}
	r := rand.New(rand.NewPCG(seed, seed))
	var one, three []query
	for tries := 0; (len(one) < n || len(three) < n) && tries < 100*n; tries++ {
		f := files[r.IntN(len(files))]
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		title, body := split(string(b))
		url := "/" + filepath.ToSlash(strings.TrimSuffix(mustRel(dir, f), ".md")) + "/"
		if len(one) < n {
			if ws := words(title+" "+body, 4); len(ws) > 0 {
				one = append(one, query{"one", ws[r.IntN(len(ws))], url})
			}
		}
		if ws := words(title, 3); len(three) < n && len(ws) >= 3 {
			three = append(three, query{"three", strings.Join(ws[:3], " "), url})
		}
	}
	return append(one, three...), nil
}

// split returns a page's title and its text without front matter and
// without links' addresses (their slugs are not words of the page).
func split(page string) (title, body string) {
	if m := titleRE.FindStringSubmatch(page); m != nil {
		title = m[1]
	}
	if _, rest, ok := strings.Cut(page, "\n+++\n"); ok {
		body = rest
	}
	return title, linkRE.ReplaceAllString(body, "]")
}

// words are the distinct words of text with at least min letters,
// lower-cased, in the order they first appear.
func words(text string, min int) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range wordRE.FindAllString(text, -1) {
		w = strings.ToLower(w)
		if utf8.RuneCountInString(w) >= min && !seen[w] && !digitsRE.MatchString(w) {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

func mustRel(dir, f string) string {
	r, err := filepath.Rel(dir, f)
	if err != nil {
		panic(err)
	}
	return r
}
