package content

import (
	"fmt"
	"slices"
	"strings"

	"github.com/torv/torv/internal/diag"
)

// Kind is what a page is: it decides its front matter and its layout.
type Kind string

// The kinds. See the package documentation for what each carries.
const (
	KindHome       Kind = "home"
	KindSection    Kind = "section"
	KindPrinciple  Kind = "principle"
	KindTheme      Kind = "theme"
	KindPlace      Kind = "place"
	KindLaw        Kind = "law"
	KindInitiative Kind = "initiative"
	KindFigures    Kind = "figures"
	KindNews       Kind = "news"
	KindTerm       Kind = "term"
	KindPage       Kind = "page"
	// Generated pages, never from a file.
	KindTopics Kind = "topics"
	KindTopic  Kind = "topic"
)

// Kinds an editor may name with "type" or in config.toml's [sections].
var editorKinds = []Kind{KindPrinciple, KindTheme, KindPlace, KindLaw, KindInitiative,
	KindFigures, KindNews, KindTerm, KindPage}

// KindNames returns the kinds an editor may name, for messages and config
// validation.
func KindNames() []string {
	out := make([]string, len(editorKinds))
	for i, k := range editorKinds {
		out[i] = string(k)
	}
	return out
}

// kindWords are what Nordic editors are likely to write for a kind.
var kindWords = map[string]Kind{
	"lov": KindLaw, "lag": KindLaw, "paragraf": KindLaw, "side": KindPage, "sida": KindPage,
	"nyhed": KindNews, "nyhet": KindNews, "nyheder": KindNews, "sted": KindPlace, "plads": KindPlace,
	"ställe": KindPlace, "princip": KindPrinciple, "prinsipp": KindPrinciple,
	"tema": KindTheme, "tal": KindFigures, "tall": KindFigures, "statistik": KindFigures,
	"initiativ": KindInitiative, "begreb": KindTerm, "ord": KindTerm, "ordliste": KindTerm, "begrepp": KindTerm,
}

// KindHint suggests the kind an editor meant by s.
func KindHint(s string) string {
	if k, ok := kindWords[strings.ToLower(s)]; ok {
		return fmt.Sprintf("did you mean %q?", k)
	}
	return diag.DidYouMean(s, KindNames(), "use one of "+strings.Join(KindNames(), ", "))
}

// ValidKind reports whether an editor may name k.
func ValidKind(k string) bool { return slices.Contains(editorKinds, Kind(k)) }

// Common is the front matter every kind accepts.
type Common struct {
	Title       string   `toml:"title" torv:"required"`
	MenuTitle   string   `toml:"menu_title"` // the page's name in the menu and breadcrumbs, when the title is long
	Description string   `toml:"description"`
	Date        Date     `toml:"date"`
	Updated     Date     `toml:"updated"`
	Draft       bool     `toml:"draft"`
	Type        string   `toml:"type"`
	Slug        string   `toml:"slug"`
	Weight      int      `toml:"weight"`
	Tags        []string `toml:"tags"`
	Layout      string   `toml:"layout"`
	CheckOff    []string `toml:"check_off"` // "rule: why": rules of torv check switched off for this page
	Aliases     []string `toml:"aliases"`   // old addresses of the page, redirected to it (alias.go)
	Search      *bool    `toml:"search"`    // false: the site's search leaves the page out
	Keywords    []string `toml:"keywords"`  // words a citizen may search for that the text does not use
}

func (c *Common) common() *Common { return c }

// FrontMatter is implemented by every kind's struct.
type FrontMatter interface {
	common() *Common
}

// Home is the front page.
type Home struct {
	Common
	Lead         string   `toml:"lead"`
	FeaturedRefs []string `toml:"featured"`
	Featured     []*Page  `toml:"-"`
}

// Section is a folder's list page (_index.md).
type Section struct {
	Common
	Sort string `toml:"sort"`
	// Paginate is how many pages one page of the list shows; 0 means
	// DefaultPerPage. See paginate.go.
	Paginate int `toml:"paginate"`

	pager *Pager // the list page's place in its pages, set by Site.paginate
}

// Principle is one of the organisation's principles.
type Principle struct {
	Common
	Statement string `toml:"statement" torv:"required"`
}

// Statement is a citizen's own words.
type Statement struct {
	Quote   string `toml:"quote" torv:"required"`
	Who     string `toml:"who"`
	Context string `toml:"context"`
}

// Theme is one of the questions of meeting the citizen.
type Theme struct {
	Common
	Question       string      `toml:"question" torv:"required"`
	Statements     []Statement `toml:"statements"`
	InitiativeRefs []string    `toml:"initiatives"`
	Initiatives    []*Page     `toml:"-"`
}

// Address is a postal address.
type Address struct {
	Street   string `toml:"street" torv:"required"`
	Postcode string `toml:"postcode"`
	City     string `toml:"city" torv:"required"`
}

// Place is where citizens meet the organisation.
type Place struct {
	Common
	Address       Address      `toml:"address"`
	Directions    string       `toml:"directions"`
	Parking       string       `toml:"parking"`
	OpeningHours  OpeningHours `toml:"opening_hours"`
	Exceptions    []Exception  `toml:"exceptions"`
	Phone         string       `toml:"phone"`
	Email         string       `toml:"email"`
	DigitalPost   string       `toml:"digital_post"`
	BookingURL    string       `toml:"booking_url"`
	StepFree      bool         `toml:"step_free"`
	Accessibility []string     `toml:"accessibility"`
	Services      []string     `toml:"services"`
}

// Law explains one paragraph of a law in plain language.
type Law struct {
	Common
	Law         string   `toml:"law" torv:"required"`
	Paragraph   string   `toml:"paragraph" torv:"required"`
	OfficialURL string   `toml:"official_url"`
	InShort     string   `toml:"in_short" torv:"required"`
	YouCan      []string `toml:"you_can"`
	Reviewed    Date     `toml:"reviewed" torv:"required"`
	ReviewBy    Date     `toml:"review_by"`
	ID          string   `toml:"id"`

	// LawLang is the language of Law and Paragraph when it is not the
	// page's: an English explainer of a Danish law keeps the law's Danish
	// name, which a screen reader must then read as Danish. Set when the
	// name is the same as in the main language's explainer.
	LawLang string `toml:"-"`
}

// Initiative statuses, in the order a list shows them: what is coming,
// what is under way, what is done, what was stopped.
var statuses = []string{"planned", "in_progress", "done", "stopped"}

// Statuses returns the initiative statuses in that order.
func Statuses() []string { return slices.Clone(statuses) }

// Initiative is something the organisation does to meet citizens better.
type Initiative struct {
	Common
	Status   string `toml:"status" torv:"required"`
	Owner    string `toml:"owner"`
	Started  Date   `toml:"started"`
	ThemeRef string `toml:"theme"`
	Theme    *Page  `toml:"-"`
	Latest   string `toml:"latest"`
}

// Figure is one key figure.
type Figure struct {
	Label string  `toml:"label" torv:"required"`
	Value float64 `toml:"value" torv:"required"`
	Unit  string  `toml:"unit"`
	Note  string  `toml:"note"`
}

// Bar is one bar of a chart.
type Bar struct {
	Label string  `toml:"label" torv:"required"`
	Value float64 `toml:"value" torv:"required"`
}

// Chart is a bar chart; its numbers are always shown as a table too.
type Chart struct {
	Title   string `toml:"title" torv:"required"`
	Unit    string `toml:"unit"`
	Caption string `toml:"caption"`
	Bars    []Bar  `toml:"bars"`
	// Data names a CSV file beside the page that holds the bars instead
	// of [[charts.bars]]; see chartdata.go. DataURL is where that file is
	// published, so the chart can offer its numbers for download.
	Data    string `toml:"data"`
	DataURL string `toml:"-"`
}

// Max returns the largest bar value, for scaling.
func (c Chart) Max() float64 {
	m := 0.0
	for _, b := range c.Bars {
		m = max(m, b.Value)
	}
	return m
}

// Figures holds key figures and survey results.
type Figures struct {
	Common
	Period  string   `toml:"period"`
	Source  string   `toml:"source"`
	Figures []Figure `toml:"figures"`
	Charts  []Chart  `toml:"charts"`
}

// News is a dated news item.
type News struct {
	Common
}

// Term is a glossary entry.
type Term struct {
	Common
	Short   string   `toml:"short" torv:"required"`
	Abbr    string   `toml:"abbr"`
	Aliases []string `toml:"aliases"`
}

// Plain is a plain page.
type Plain struct {
	Common
}

// FrontMatters returns an empty front-matter struct of each kind, for a
// caller that needs their types (the layouts' field names).
func FrontMatters() []FrontMatter {
	var out []FrontMatter
	for _, k := range []Kind{KindHome, KindSection, KindPrinciple, KindTheme, KindPlace, KindLaw, KindInitiative, KindFigures, KindNews, KindTerm, KindPage} {
		out = append(out, newFrontMatter(k))
	}
	return out
}

// newFrontMatter returns an empty front-matter struct for kind k.
func newFrontMatter(k Kind) FrontMatter {
	switch k {
	case KindHome:
		return &Home{}
	case KindSection:
		return &Section{}
	case KindPrinciple:
		return &Principle{}
	case KindTheme:
		return &Theme{}
	case KindPlace:
		return &Place{}
	case KindLaw:
		return &Law{}
	case KindInitiative:
		return &Initiative{}
	case KindFigures:
		return &Figures{}
	case KindNews:
		return &News{}
	case KindTerm:
		return &Term{}
	case KindPage:
		return &Plain{}
	}
	panic(fmt.Sprintf("content: no front matter for kind %q", k))
}

// Refs returns the pages p's front matter names: the home page's
// featured pages, a theme's initiatives, an initiative's theme.
func Refs(p *Page) []*Page {
	switch d := p.Data.(type) {
	case *Home:
		return d.Featured
	case *Theme:
		return d.Initiatives
	case *Initiative:
		if d.Theme != nil {
			return []*Page{d.Theme}
		}
	}
	return nil
}
