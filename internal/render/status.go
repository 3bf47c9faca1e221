package render

import "github.com/torv/torv/internal/content"

// StatusGroup is the initiatives of a list that have one status.
type StatusGroup struct {
	Status string          // "planned", "in_progress", "done" or "stopped"
	ID     string          // the heading's id: "status-in_progress"
	Pages  []*content.Page // in the list's order
}

// ByStatus returns the pages of a list of initiatives grouped by status,
// planned first and stopped last, or nil when the list is not all
// initiatives. A citizen who asks "what are you doing about it?" wants what
// is under way apart from what is only planned; the status is a word in
// the heading and on each entry, never a colour alone.
func (v *View) ByStatus() []StatusGroup {
	if !content.AllOfKind(v.List, content.KindInitiative) {
		return nil
	}
	by := map[string][]*content.Page{}
	for _, p := range v.List {
		s := p.Data.(*content.Initiative).Status
		by[s] = append(by[s], p)
	}
	var out []StatusGroup
	for _, s := range content.Statuses() {
		if len(by[s]) > 0 {
			out = append(out, StatusGroup{Status: s, ID: "status-" + s, Pages: by[s]})
		}
	}
	return out
}
