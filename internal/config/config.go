package config

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"slices"
	"strings"

	"github.com/torv/torv/internal/decode"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/slug"
)

// File is the name of the configuration file in a site folder.
const File = "config.toml"

// Languages torv has UI strings for.
var Languages = []string{"da", "sv", "nb", "en"}

// Config is a site's config.toml.
type Config struct {
	Title        string            `toml:"title" torv:"required"`
	Municipality string            `toml:"municipality" torv:"required"`
	BaseURL      string            `toml:"baseurl"`
	Language     string            `toml:"language"`
	Description  string            `toml:"description"`
	Logo         string            `toml:"logo"`
	Contact      Contact           `toml:"contact"`
	Sections     map[string]string `toml:"-"`
	SectionsRaw  sectionMap        `toml:"sections"`
	Menu         []MenuEntry       `toml:"menu"`
	Taxonomy     Taxonomy          `toml:"taxonomy"`
	Feedback     Feedback          `toml:"feedback"`
	Lists        Lists             `toml:"lists"`
	Build        Build             `toml:"build"`
	Check        Check             `toml:"check"`
	Publish      Publish           `toml:"publish"`
	Security     Security          `toml:"security"`

	// Languages holds the site's other languages, [languages.en]: a page
	// file named x.en.md is the English translation of x.md and is
	// published under /en/. The default language (Language) is not in it.
	Languages map[string]LangConfig `toml:"languages"`

	// BasePath is the path of BaseURL, always ending in "/": links are
	// written as BasePath + site path, so a site published in a sub-folder
	// works.
	BasePath string `toml:"-"`

	src decode.Source // for positions of errors found later

	Glossary Glossary `toml:"glossary"`
}

// Pos returns config.toml's line and column of a key ("menu.2.page"), for
// errors found after parsing, such as a menu entry naming no page.
func (c *Config) Pos(key string) (line, col int) { return decode.PosOf(c.src, key) }

// LangConfig is one of the site's other languages: the texts of
// config.toml that are written in a language.
type LangConfig struct {
	Title        string `toml:"title" torv:"required"`
	Description  string `toml:"description"`
	ContactHours string `toml:"contact_hours"`
}

// Contact is "Hjælp og kontakt", shown on every page.
type Contact struct {
	Phone string `toml:"phone"`
	Email string `toml:"email"`
	Hours string `toml:"hours"`
	Page  string `toml:"page"`
}

// MenuEntry is one item of the main navigation.
type MenuEntry struct {
	Page  string `toml:"page" torv:"required"`
	Title string `toml:"title"`
}

// Taxonomy configures the topic pages.
type Taxonomy struct {
	Path string `toml:"path"`
}

// Feedback configures the feedback form.
type Feedback struct {
	Endpoint string  `toml:"endpoint"`
	Email    string  `toml:"email"`
	Page     string  `toml:"page"` // the feedback page, default "feedback.md"
	Ask      boolOpt `toml:"ask"`  // ask "Fik du svar på dit spørgsmål?" on every page (default true)
}

// FeedbackPage returns the content path of the feedback page.
func (c *Config) FeedbackPage() string {
	if c.Feedback.Page != "" {
		return c.Feedback.Page
	}
	return "feedback.md"
}

// AskForFeedback reports whether every page asks for feedback, linking to
// the feedback page (when there is one).
func (c *Config) AskForFeedback() bool { return !c.Feedback.Ask.Set || c.Feedback.Ask.Value }

// Lists configures how list pages are split into pages.
type Lists struct {
	PerPage int     `toml:"per_page"` // pages on each page of a list (default 10); paginate in _index.md wins
	Split   boolOpt `toml:"split"`    // false: every list on one page, whatever its length (default true)
}

// SplitLists reports whether long lists are split into pages.
func (c *Config) SplitLists() bool { return !c.Lists.Split.Set || c.Lists.Split.Value }

// Build holds output options.
type Build struct {
	Minify boolOpt `toml:"minify_html"`
}

// boolOpt is a bool that remembers whether it was set, for defaults of true.
type boolOpt struct{ Set, Value bool }

func (b *boolOpt) UnmarshalTOML(v any) error {
	x, ok := v.(bool)
	if !ok {
		return errors.New("must be true or false, without quotes")
	}
	b.Set, b.Value = true, x
	return nil
}

// sectionMap is [sections]: folder name -> kind. Its keys are folder names,
// not a fixed set, so it decodes itself.
type sectionMap map[string]string

func (m *sectionMap) UnmarshalTOML(v any) error {
	t, ok := v.(map[string]any)
	if !ok {
		return errors.New(`must be a table: [sections] on a line of its own, then lov = "law"`)
	}
	*m = sectionMap{}
	for k, raw := range t {
		s, ok := raw.(string)
		if !ok {
			return &subKeyError{key: k, msg: "must be text, the kind of the folder's pages"}
		}
		(*m)[k] = s
	}
	return nil
}

type subKeyError struct{ key, msg string }

func (e *subKeyError) Error() string  { return e.msg }
func (e *subKeyError) SubKey() string { return e.key }

// SiteLanguages returns the default language and then the others in torv's
// order (da, sv, nb, en), the order of the language switcher.
func (c *Config) SiteLanguages() []string {
	out := []string{c.Language}
	for _, l := range Languages {
		if _, ok := c.Languages[l]; ok && l != c.Language {
			out = append(out, l)
		}
	}
	return out
}

// HasLanguage reports whether the site publishes pages in lang.
func (c *Config) HasLanguage(lang string) bool {
	_, ok := c.Languages[lang]
	return ok || lang == c.Language
}

// TitleIn returns the site's title in lang.
func (c *Config) TitleIn(lang string) string {
	if l, ok := c.Languages[lang]; ok && lang != c.Language {
		return l.Title
	}
	return c.Title
}

// DescriptionIn returns the site's description in lang.
func (c *Config) DescriptionIn(lang string) string {
	if l, ok := c.Languages[lang]; ok && lang != c.Language {
		return l.Description
	}
	return c.Description
}

// ContactHoursIn returns the contact hours in lang, or the default
// language's when lang has none.
func (c *Config) ContactHoursIn(lang string) string {
	if l, ok := c.Languages[lang]; ok && lang != c.Language && l.ContactHours != "" {
		return l.ContactHours
	}
	return c.Contact.Hours
}

// LangPrefix returns the URL folder of lang's pages: "" for the default
// language, "/en" for English.
func (c *Config) LangPrefix(lang string) string {
	if lang == c.Language || lang == "" {
		return ""
	}
	return "/" + lang
}

// MinifyHTML reports whether HTML output is minified (default true).
func (c *Config) MinifyHTML() bool { return !c.Build.Minify.Set || c.Build.Minify.Value }

// Parse reads config.toml from the site folder fsys. kinds lists the page
// kinds a [sections] entry may name, and kindHint suggests one for a wrong
// name (the content package knows the kinds; config does not import it).
func Parse(fsys fs.FS, kinds []string, kindHint func(string) string) (*Config, diag.List) {
	b, err := fs.ReadFile(fsys, File)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, diag.List{diag.Errorf(File, 0, 0, "the site has no config.toml").
				WithHint("run torv in a site folder, give one with -source, or make one with: torv new site FOLDER")}
		}
		return nil, diag.List{diag.Errorf(File, 0, 0, "cannot read config.toml: %v", err)}
	}
	return ParseBytes(b, kinds, kindHint)
}

// ParseBytes reads config.toml's content.
func ParseBytes(b []byte, kinds []string, kindHint func(string) string) (*Config, diag.List) {
	src := decode.Source{File: File, Text: string(b), Line: 1, What: "config.toml"}
	c := &Config{src: src}
	errs := decode.Decode(src, c)
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	at := func(key string, format string, args ...any) *diag.Error {
		line, col := decode.PosOf(src, key)
		e := diag.Errorf(File, line, col, format, args...)
		errs.Add(e)
		return e
	}
	if c.Language == "" {
		c.Language = "da"
	}
	if !slices.Contains(Languages, c.Language) {
		at("language", "language %q is not one torv has texts for", c.Language).
			Hint = diag.DidYouMean(c.Language, Languages, "use da, sv, nb or en")
	}
	for lang := range c.Languages {
		switch {
		case !slices.Contains(Languages, lang):
			at("languages."+lang, "language %q is not one torv has texts for", lang).
				Hint = diag.DidYouMean(lang, Languages, "use sv, nb, en or da")
		case lang == c.Language:
			at("languages."+lang, "%s is the site's main language (language = %q)", lang, c.Language).
				Hint = "remove [languages." + lang + "]; the main language's texts are the ones at the top of config.toml"
		}
	}
	c.Sections = map[string]string(c.SectionsRaw)
	for dir, kind := range c.Sections {
		if !slices.Contains(kinds, kind) {
			at("sections."+dir, "unknown kind %q for folder %q", kind, dir).Hint = kindHint(kind)
		}
	}
	c.BasePath = "/"
	if c.BaseURL != "" {
		if err := c.SetBaseURL(c.BaseURL); err != nil {
			at("baseurl", "%v", err).Hint = `write the full address, like baseurl = "https://borger.fjordby.dk/"`
		}
	}
	if c.Taxonomy.Path == "" {
		c.Taxonomy.Path = "emner"
	} else if slug.Make(c.Taxonomy.Path) != c.Taxonomy.Path {
		at("taxonomy.path", "taxonomy path %q must be one folder name of a-z, 0-9 and -", c.Taxonomy.Path).
			Hint = fmt.Sprintf("write it like path = %q", cmp.Or(slug.Make(c.Taxonomy.Path), "emner"))
	}
	if c.Feedback.Endpoint != "" {
		if u, err := url.Parse(c.Feedback.Endpoint); err != nil || (u.Scheme != "https" && u.Scheme != "http" && !strings.HasPrefix(c.Feedback.Endpoint, "/")) ||
			(u.Scheme != "" && u.Host == "") {
			at("feedback.endpoint", "feedback endpoint %q is not a web address", c.Feedback.Endpoint).
				Hint = "write an address starting with https://"
		}
	}
	if c.Lists.PerPage < 0 || c.Lists.PerPage > 100 {
		at("lists.per_page", "per_page = %d, but a page of a list shows from 1 to 100 pages", c.Lists.PerPage).
			Hint = "write per_page = 10, or remove the line; to show every list on one page, write split = false"
	}
	c.Check.validate(src, &errs)
	c.validatePublish(at)
	errs.Sort()
	if len(errs) > 0 {
		return nil, errs
	}
	return c, nil
}

// SetBaseURL sets BaseURL and BasePath; the -baseurl flag uses it too.
func (c *Config) SetBaseURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") || (u.Scheme != "" && u.Host == "") ||
		(u.Scheme == "" && !strings.HasPrefix(s, "/")) {
		return fmt.Errorf("baseurl %q is not a web address", s)
	}
	c.BaseURL = s
	c.BasePath = "/" + strings.Trim(u.Path, "/") + "/"
	if c.BasePath == "//" {
		c.BasePath = "/"
	}
	return nil
}

// Glossary configures what the glossary does on other pages.
type Glossary struct {
	// LinkFirstUse links the first use of each glossary term on a page to
	// the term's page (default true). A site whose editors link terms by
	// hand, or whose terms are common words, switches it off.
	LinkFirstUse boolOpt `toml:"link_first_use"`
}

// LinksFirstUse reports whether the first use of a glossary term on a page
// is linked to the term (default true).
func (g Glossary) LinksFirstUse() bool { return !g.LinkFirstUse.Set || g.LinkFirstUse.Value }
