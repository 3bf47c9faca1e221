package content

import (
	"fmt"
	"strings"
	"time"
)

// Skeleton returns a new page of kind k, with every required key filled
// with a placeholder an editor replaces, and the optional keys the kind
// usually needs as comments. "torv new" writes it; a test checks that each
// skeleton loads without errors, so the two cannot drift apart.
func Skeleton(k Kind, title string, today time.Time) (string, error) {
	d := today.Format(time.DateOnly)
	next := today.AddDate(1, 0, 0).Format(time.DateOnly)
	var extra string
	switch k {
	case KindHome:
		extra = "lead = \"Én sætning om, hvad borgeren kan her.\"\n# featured = [\"lov/sygedagpenge.md\"]\n"
	case KindSection:
		extra = "# sort = \"weight\"  # or \"date\" or \"title\"\n"
	case KindPrinciple:
		extra = "weight = 1\nstatement = \"Princippet i én sætning.\"\n"
	case KindTheme:
		extra = "question = \"Hvor mødes vi?\"\n# initiatives = [\"initiativer/job-first.md\"]\n\n# [[statements]]\n# quote = \"Min tid er vigtig.\"\n# who = \"Borger\"\n"
	case KindPlace:
		extra = "phone = \"+45 70 20 30 40\"\n# email = \"\"\n# booking_url = \"https://\"\nstep_free = true\n\n[address]\nstreet = \"Vejnavn 1\"\npostcode = \"9990\"\ncity = \"Fjordby\"\n\n[opening_hours]\nmonday = \"09:00-15:00\"\ntuesday = \"09:00-15:00\"\nwednesday = \"09:00-15:00\"\nthursday = \"09:00-17:00\"\nfriday = \"09:00-13:00\"\n"
	case KindLaw:
		extra = fmt.Sprintf("law = \"Lovens navn\"\nparagraph = \"§ 1\"\nofficial_url = \"https://www.retsinformation.dk/\"\nin_short = \"Det vigtigste i højst tre korte linjer.\"\nyou_can = [\"Det kan du gøre.\"]\nreviewed = %s\nreview_by = %s\n", d, next)
	case KindInitiative:
		extra = "status = \"planned\"  # planned, in_progress, done or stopped\n# owner = \"\"\nstarted = " + d + "\n# theme = \"moedet/hvor-moedes-vi.md\"\n# latest = \"\"\n"
	case KindFigures:
		extra = "period = \"\"\nsource = \"\"\n\n[[figures]]\nlabel = \"Henvendelser\"\nvalue = 0\n"
	case KindNews:
	case KindTerm:
		extra = "short = \"Forklaringen på én linje.\"\n"
	case KindPage:
	default:
		return "", fmt.Errorf("unknown kind %q", k)
	}
	var b strings.Builder
	b.WriteString("+++\n")
	fmt.Fprintf(&b, "title = %q\n", title)
	b.WriteString("description = \"Én sætning om, hvad siden handler om.\"\n")
	if k != KindHome && k != KindSection && k != KindTerm {
		fmt.Fprintf(&b, "date = %s\n", d)
	}
	b.WriteString(extra)
	b.WriteString("+++\n\n")
	if k == KindLaw {
		b.WriteString("Skriv her, hvad reglen betyder for borgeren.\n")
	} else {
		b.WriteString("Skriv sidens tekst her.\n")
	}
	return b.String(), nil
}

// KindOf returns the kind a new file at rel (relative to content/) gets.
func KindOf(rel string, sections map[string]string) Kind {
	dir, name := "", rel
	if i := strings.LastIndexByte(rel, '/'); i >= 0 {
		dir, name = rel[:i], rel[i+1:]
	}
	section, _, _ := strings.Cut(dir, "/")
	switch {
	case rel == "_index.md":
		return KindHome
	case name == "_index.md":
		return KindSection
	case dir != "" && sections[section] != "":
		return Kind(sections[section])
	}
	return KindPage
}
