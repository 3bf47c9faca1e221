package markup

import (
	"strconv"

	"github.com/yuin/goldmark/ast"

	"github.com/torv/torv/internal/slug"
)

// ids makes heading ids with the rule torv uses for URLs, so an anchor reads
// like the heading: "Hvad får du?" becomes "hvad-faar-du". Repeats get -2,
// -3.
type ids struct {
	used map[string]bool
}

func newIDs() *ids { return &ids{used: map[string]bool{}} }

func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	id := slug.Make(string(value))
	if id == "" {
		id = "afsnit"
	}
	base := id
	for i := 2; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.used[id] = true
	return []byte(id)
}

func (s *ids) Put(value []byte) { s.used[string(value)] = true }
