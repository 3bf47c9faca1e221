package render

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// locale is how one language writes dates and numbers.
type locale struct {
	months   [12]string
	weekdays map[string]string // "monday" -> "mandag"
	dayDot   bool              // "1. maj" (da, nb) or "1 maj" (sv, en)
	group    string            // thousands separator
	decimal  string
	percent  string // between number and %: a no-break space in da/sv/nb, none in en
}

const nbsp = "\u00a0"

var locales = map[string]*locale{
	"da": {
		months:   [12]string{"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"},
		weekdays: map[string]string{"monday": "mandag", "tuesday": "tirsdag", "wednesday": "onsdag", "thursday": "torsdag", "friday": "fredag", "saturday": "lørdag", "sunday": "søndag"},
		dayDot:   true, group: ".", decimal: ",", percent: nbsp,
	},
	"nb": {
		months:   [12]string{"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"},
		weekdays: map[string]string{"monday": "mandag", "tuesday": "tirsdag", "wednesday": "onsdag", "thursday": "torsdag", "friday": "fredag", "saturday": "lørdag", "sunday": "søndag"},
		dayDot:   true, group: nbsp, decimal: ",", percent: nbsp,
	},
	"sv": {
		months:   [12]string{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"},
		weekdays: map[string]string{"monday": "måndag", "tuesday": "tisdag", "wednesday": "onsdag", "thursday": "torsdag", "friday": "fredag", "saturday": "lördag", "sunday": "söndag"},
		group:    nbsp, decimal: ",", percent: nbsp,
	},
	"en": {
		months:   [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		weekdays: map[string]string{"monday": "Monday", "tuesday": "Tuesday", "wednesday": "Wednesday", "thursday": "Thursday", "friday": "Friday", "saturday": "Saturday", "sunday": "Sunday"},
		group:    ",", decimal: ".", percent: "",
	},
}

// date writes a date the way the language does: "1. maj 2024", "1 maj
// 2024", "1 May 2024".
func (l *locale) date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	day := strconv.Itoa(t.Day())
	if l.dayDot {
		day += "."
	}
	return day + " " + l.months[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// number writes x with the language's separators and at most one decimal:
// 77117 is "77.117" in Danish, 12.5 is "12,5".
func (l *locale) number(x float64) string {
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
	group := len(digits) > 4 || len(digits) == 4 && l.group != nbsp
	for i, c := range digits {
		if group && i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(l.group)
		}
		b.WriteRune(c)
	}
	if frac != 0 {
		b.WriteString(l.decimal)
		b.WriteString(strconv.FormatInt(frac, 10))
	}
	return b.String()
}

// percent writes x as a percentage: "79 %" in Danish, "79%" in English.
func (l *locale) percentage(x float64) string { return l.number(x) + l.percent + "%" }
