package config

import (
	"errors"
	"fmt"
	"maps"
	"net/url"
	"reflect"
	"slices"
	"strings"

	"github.com/torv/torv/internal/decode"
	"github.com/torv/torv/internal/diag"
)

// Check is config.toml's [check] table: how "torv check" judges the
// content. Each rule has a table of its own, [check.<rule>], with a level
// and the rule's limits; a rule without a table has its defaults (see
// package check). Zero limits mean the default.
type Check struct {
	// Editor makes the preview's findings links that open the file at the
	// line: "vscode", or an address with {path}, {line} and {col}, such as
	// "idea://open?file={path}&line={line}".
	Editor string `toml:"editor"`

	LIX          LIXRule      `toml:"lix"`
	LongSentence SentenceRule `toml:"long-sentence"`
	LongWord     WordRule     `toml:"long-word"`
	Jargon       WordList     `toml:"jargon"`
	Glossary     Rule         `toml:"glossary"`
	Abbreviation AbbrRule     `toml:"abbreviation"`
	Heading      Rule         `toml:"heading"`
	ImageAlt     Rule         `toml:"image-alt"`
	LinkText     WordList     `toml:"link-text"`
	LinkSameText Rule         `toml:"link-same-text"`
	LinkPDF      Rule         `toml:"link-pdf"`
	Anchor       Rule         `toml:"anchor"`
	MailtoTel    Rule         `toml:"mailto-tel"`
	LawLink      Rule         `toml:"law-link"`
	ReviewDate   ReviewRule   `toml:"review-date"`
	Description  Rule         `toml:"description"`
	TableHeader  Rule         `toml:"table-header"`
	SecurityTxt  Rule         `toml:"security-txt"`
}

// Level is how a rule reports: "off", "warning" or "error"; "" is the
// rule's default.
type Level string

// The levels.
const (
	LevelOff     Level = "off"
	LevelWarning Level = "warning"
	LevelError   Level = "error"
)

var levels = []string{"off", "warning", "error"}

// levelWords are what Nordic editors are likely to write for a level.
var levelWords = map[string]Level{
	"fra": LevelOff, "av": LevelOff, "slukket": LevelOff, "none": LevelOff, "ignore": LevelOff, "disabled": LevelOff,
	"advarsel": LevelWarning, "varning": LevelWarning, "advarsel!": LevelWarning, "warn": LevelWarning,
	"fejl": LevelError, "fel": LevelError, "feil": LevelError, "err": LevelError,
}

type levelError struct{ msg, hint string }

func (e *levelError) Error() string { return e.msg }
func (e *levelError) Hint() string  { return e.hint }

// UnmarshalTOML implements decode.Unmarshaler.
func (l *Level) UnmarshalTOML(v any) error {
	s, ok := v.(string)
	if !ok {
		if b, isBool := v.(bool); isBool && !b {
			return &levelError{"false is not a level", `write level = "off" to switch the rule off`}
		}
		return errors.New(`must be "off", "warning" or "error", in quotes`)
	}
	if slices.Contains(levels, s) {
		*l = Level(s)
		return nil
	}
	hint := diag.DidYouMean(s, levels, `use "off", "warning" or "error"`)
	if w, ok := levelWords[strings.ToLower(s)]; ok {
		hint = fmt.Sprintf("did you mean %q?", w)
	}
	return &levelError{fmt.Sprintf("unknown level %q", s), hint}
}

// Rule is the table of a rule that has only a level.
type Rule struct {
	Level Level `toml:"level"`
}

// LIXRule is [check.lix].
type LIXRule struct {
	Rule
	Warning  int `toml:"warning"`   // LIX above this is a warning (default 40)
	Error    int `toml:"error"`     // LIX above this is an error (default 50)
	MinWords int `toml:"min_words"` // pages with fewer words of running text are not judged (default 30)
}

// SentenceRule is [check.long-sentence].
type SentenceRule struct {
	Rule
	Words int `toml:"words"` // a sentence of more words is long (default 25)
}

// WordRule is [check.long-word].
type WordRule struct {
	Rule
	Letters int      `toml:"letters"` // a word of more letters is long (default 20)
	Allow   []string `toml:"allow"`   // long words that are fine, such as names of authorities
}

// WordList is a rule whose words editors extend per language: [check.jargon]
// and [check.link-text]. An entry of jargon may name the plain word to use
// after a colon: "bevilling: tilladelse".
type WordList struct {
	Rule
	DA    []string `toml:"da"`
	SV    []string `toml:"sv"`
	NB    []string `toml:"nb"`
	EN    []string `toml:"en"`
	Allow []string `toml:"allow"` // built-in words that are fine on this site
}

// Words returns the site's own words for a language.
func (w WordList) Words(lang string) []string {
	switch lang {
	case "sv":
		return w.SV
	case "nb":
		return w.NB
	case "en":
		return w.EN
	}
	return w.DA
}

// AbbrRule is [check.abbreviation].
type AbbrRule struct {
	Rule
	Known []string `toml:"known"` // abbreviations every reader knows, beyond torv's own (EU, CV, SMS ...)
}

// ReviewRule is [check.review-date].
type ReviewRule struct {
	Rule
	WarnDays int `toml:"warn_days"` // warn this many days before the review date (default 30)
	Months   int `toml:"months"`    // without review_by, review this many months after reviewed (default 12)
}

// RuleNames returns the rules [check] has a table for, in order.
func (c *Check) RuleNames() []string {
	var names []string
	t := reflect.TypeFor[Check]()
	for i := range t.NumField() {
		if f := t.Field(i); f.Type.Kind() == reflect.Struct {
			names = append(names, f.Tag.Get("toml"))
		}
	}
	return names
}

// RuleLevel returns the level config.toml sets for a rule, or "" for the
// rule's default.
func (c *Check) RuleLevel(rule string) Level {
	v := reflect.ValueOf(c).Elem()
	t := v.Type()
	for i := range t.NumField() {
		if t.Field(i).Tag.Get("toml") == rule && t.Field(i).Type.Kind() == reflect.Struct {
			if l, ok := v.Field(i).FieldByName("Level").Interface().(Level); ok {
				return l
			}
		}
	}
	return ""
}

// EditorURL returns the address that opens file (an absolute path) at
// line and col in the configured editor, or "" when none is configured.
// {path} is the path with forward slashes and a leading slash ("C:\site"
// becomes "/C:/site"), escaped for a URL.
func (c *Check) EditorURL(file string, line, col int) string {
	tmpl := editorTemplate(c.Editor)
	if tmpl == "" {
		return ""
	}
	p := strings.ReplaceAll(file, `\`, "/")
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	p = (&url.URL{Path: p}).EscapedPath()
	return strings.NewReplacer("{path}", p, "{line}", fmt.Sprint(max(line, 1)), "{col}", fmt.Sprint(max(col, 1))).Replace(tmpl)
}

// editors are the address forms of editors that register one.
var editors = map[string]string{
	"vscode":   "vscode://file{path}:{line}:{col}",
	"vscodium": "vscodium://file{path}:{line}:{col}",
	"cursor":   "cursor://file{path}:{line}:{col}",
	"idea":     "idea://open?file={path}&line={line}&column={col}",
	"sublime":  "subl://open?url=file://{path}&line={line}&column={col}",
}

func editorTemplate(s string) string {
	if t, ok := editors[s]; ok {
		return t
	}
	return s
}

// validate checks what the decoder cannot: limits that must be
// positive or in order, and the editor.
func (c *Check) validate(src decode.Source, errs *diag.List) {
	at := func(key, format string, args ...any) *diag.Error {
		line, col := decode.PosOf(src, key)
		e := diag.Errorf(File, line, col, format, args...)
		errs.Add(e)
		return e
	}
	positive := func(key string, n int) {
		if n < 0 {
			at(key, "%s must be a positive number, not %d", key[strings.LastIndexByte(key, '.')+1:], n).
				WithHint("leave the line out for the default")
		}
	}
	positive("check.lix.warning", c.LIX.Warning)
	positive("check.lix.error", c.LIX.Error)
	positive("check.lix.min_words", c.LIX.MinWords)
	positive("check.long-sentence.words", c.LongSentence.Words)
	positive("check.long-word.letters", c.LongWord.Letters)
	positive("check.review-date.warn_days", c.ReviewDate.WarnDays)
	positive("check.review-date.months", c.ReviewDate.Months)
	if c.LIX.Warning > 0 && c.LIX.Error > 0 && c.LIX.Warning > c.LIX.Error {
		at("check.lix.warning", "the LIX warning limit %d is above the error limit %d", c.LIX.Warning, c.LIX.Error).
			WithHint("a page is warned before it fails: make warning the lower number")
	}
	if c.Editor != "" && editors[c.Editor] == "" && !strings.Contains(c.Editor, "{path}") {
		at("check.editor", "unknown editor %q", c.Editor).
			Hint = diag.DidYouMean(c.Editor, slices.Sorted(maps.Keys(editors)),
			`use "vscode", or an address with {path} and {line}, like "idea://open?file={path}&line={line}"`)
	}
}
