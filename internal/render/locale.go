package render

import (
	"strings"
	"time"

	"github.com/torv/torv/internal/language"
)

// locale is how one language writes dates and numbers: package
// language's, with the names of the days by the keys that layouts and
// content use ("saturday").
type locale struct {
	*language.Language
	weekdays map[string]string
}

// locales are the languages torv knows, by code.
var locales = func() map[string]*locale {
	m := map[string]*locale{}
	for _, l := range language.All() {
		days := make(map[string]string, 7)
		for d := time.Sunday; d <= time.Saturday; d++ {
			days[strings.ToLower(d.String())] = l.Weekday(d)
		}
		m[l.Code] = &locale{Language: l, weekdays: days}
	}
	return m
}()

// date writes a date the way the language does: "1. maj 2024", "1 maj
// 2024", "1 May 2024".
func (l *locale) date(t time.Time) string { return l.Date(t) }

// number writes x with the language's separators and at most one decimal:
// 77117 is "77.117" in Danish, 12.5 is "12,5".
func (l *locale) number(x float64) string { return l.Number(x) }

// percentage writes x as a percentage: "79 %" in Danish, "79%" in English.
func (l *locale) percentage(x float64) string { return l.Percent(x) }
