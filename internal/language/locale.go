package language

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// This file writes dates and numbers; see "Dates and numbers" in the
// package documentation.

// locale is how a language writes dates and numbers.
type locale struct {
	months   [12]string
	weekdays [7]string // from Sunday, as time.Weekday counts
	dayDot   bool      // "1. maj" (da, nb) or "1 maj" (sv, en)
	iso      bool      // dates as 2024-05-01 (the fallback)
	group    string    // thousands separator; "" for none
	decimal  string
	percent  string // between a number and "%"
}

const nbsp = "\u00a0"

// Date writes a date the way the language does: "1. maj 2024", "1 maj
// 2024", "1 May 2024"; "" for the zero time.
func (l *Language) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	if l.locale.iso {
		return t.Format(time.DateOnly)
	}
	day := strconv.Itoa(t.Day())
	if l.locale.dayDot {
		day += "."
	}
	return day + " " + l.locale.months[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// Month returns the name of a month, as it is written inside a sentence
// ("maj", "May").
func (l *Language) Month(m time.Month) string { return l.locale.months[m-1] }

// Weekday returns the name of a day, as it is written inside a sentence
// ("lørdag", "Saturday").
func (l *Language) Weekday(d time.Weekday) string { return l.locale.weekdays[d] }

// Number writes x with the language's separators and at most one
// decimal: 77117 is "77.117" in Danish, 12.5 is "12,5", -1500 is
// "−1.500" with a real minus sign.
func (l *Language) Number(x float64) string {
	loc := &l.locale
	neg := math.Round(x*10) < 0 // -0.04 is written 0, not −0
	x = math.Abs(x)
	r := math.Round(x*10) / 10
	whole := int64(r)
	frac := int64(math.Round((r - float64(whole)) * 10))
	digits := strconv.FormatInt(whole, 10)
	var b strings.Builder
	if neg {
		b.WriteString("−")
	}
	// Swedish and Norwegian leave four-digit numbers whole (1000); Danish
	// and English group them (1.000, 1,000).
	group := loc.group != "" && (len(digits) > 4 || len(digits) == 4 && loc.group != nbsp)
	for i, c := range digits {
		if group && i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(loc.group)
		}
		b.WriteRune(c)
	}
	if frac != 0 {
		b.WriteString(loc.decimal)
		b.WriteString(strconv.FormatInt(frac, 10))
	}
	return b.String()
}

// Percent writes x as a percentage: "79 %" (with a no-break space) in
// Danish, Swedish and Norwegian, "79%" in English.
func (l *Language) Percent(x float64) string { return l.Number(x) + l.locale.percent + "%" }
