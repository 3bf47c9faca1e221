package language

import (
	"testing"
	"time"
)

// The no-break space between a number's groups and before "%": a line
// never breaks inside "77 117" or "79 %".
const nb = "\u00a0"

func TestNumber(t *testing.T) {
	tests := []struct {
		lang string
		in   float64
		want string
	}{
		{"da", 77117, "77.117"},
		{"da", 1000, "1.000"},
		{"da", 999, "999"},
		{"da", 1234567, "1.234.567"},
		{"da", 12.5, "12,5"},
		{"da", 12.25, "12,3"}, // one decimal, rounded
		{"da", 3.04, "3"},
		{"da", 2.96, "3"},
		{"da", 0.5, "0,5"},
		{"da", 0, "0"},
		{"da", -1500, "−1.500"}, // a real minus sign
		{"da", -0.04, "0"},      // rounds to zero: no minus
		{"sv", 1000, "1000"},    // Swedish and Norwegian leave four digits whole
		{"sv", 9999, "9999"},
		{"sv", 10000, "10" + nb + "000"},
		{"sv", 77117, "77" + nb + "117"},
		{"sv", 1234567.8, "1" + nb + "234" + nb + "567,8"},
		{"sv", 12.5, "12,5"},
		{"nb", 1000, "1000"},
		{"nb", 77117, "77" + nb + "117"},
		{"nb", 12.5, "12,5"},
		{"en", 77117, "77,117"},
		{"en", 1000, "1,000"},
		{"en", 12.5, "12.5"},
		{"en", 1234567.8, "1,234,567.8"},
	}
	for _, tt := range tests {
		if got := Get(tt.lang).Number(tt.in); got != tt.want {
			t.Errorf("%s: Number(%v) = %q, want %q", tt.lang, tt.in, got, tt.want)
		}
	}
}

func TestPercentage(t *testing.T) {
	tests := []struct {
		lang string
		in   float64
		want string
	}{
		{"da", 79, "79" + nb + "%"},
		{"da", 12.5, "12,5" + nb + "%"},
		{"sv", 79, "79" + nb + "%"},
		{"nb", 79, "79" + nb + "%"},
		{"en", 79, "79%"},
		{"en", 12.5, "12.5%"},
	}
	for _, tt := range tests {
		if got := Get(tt.lang).Percent(tt.in); got != tt.want {
			t.Errorf("%s: Percent(%v) = %q, want %q", tt.lang, tt.in, got, tt.want)
		}
	}
}

func TestDate(t *testing.T) {
	may1 := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	dec24 := time.Date(2026, 12, 24, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		lang string
		in   time.Time
		want string
	}{
		{"da", may1, "1. maj 2024"},
		{"sv", may1, "1 maj 2024"},
		{"nb", may1, "1. mai 2024"},
		{"en", may1, "1 May 2024"},
		{"da", dec24, "24. december 2026"},
		{"sv", dec24, "24 december 2026"},
		{"nb", dec24, "24. desember 2026"},
		{"en", dec24, "24 December 2026"},
		{"da", time.Date(2025, 3, 9, 0, 0, 0, 0, time.UTC), "9. marts 2025"},
		{"sv", time.Date(2025, 8, 9, 0, 0, 0, 0, time.UTC), "9 augusti 2025"},
		{"da", time.Time{}, ""}, // no date, no text
	}
	for _, tt := range tests {
		if got := Get(tt.lang).Date(tt.in); got != tt.want {
			t.Errorf("%s: Date(%s) = %q, want %q", tt.lang, tt.in.Format(time.DateOnly), got, tt.want)
		}
	}
}

func TestWeekdays(t *testing.T) {
	want := map[string][7]string{
		"da": {"mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"},
		"sv": {"måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"},
		"nb": {"mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"},
		"en": {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
	}
	for lang, names := range want {
		for i, name := range names {
			d := time.Weekday((i + 1) % 7)
			if got := Get(lang).Weekday(d); got != name {
				t.Errorf("%s: Weekday(%s) = %q, want %q", lang, d, got, name)
			}
		}
	}
}

// TestFallbackLocale: a language torv does not know gets dates and
// numbers nobody misreads.
func TestFallbackLocale(t *testing.T) {
	if got := Fallback.Date(time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)); got != "2024-05-01" {
		t.Errorf("date %q", got)
	}
	if got := Fallback.Number(77117.5); got != "77117.5" {
		t.Errorf("number %q", got)
	}
	if got := Fallback.Percent(79); got != "79%" {
		t.Errorf("percent %q", got)
	}
}

// TestEveryLanguageHasALocale: config accepts da, sv, nb and en; each must
// have its own names rather than the fallback's.
func TestEveryLanguageHasALocale(t *testing.T) {
	for _, l := range All() {
		for m := time.January; m <= time.December; m++ {
			if l.Month(m) == "" {
				t.Errorf("%s: %s has no name", l.Code, m)
			}
		}
		for d := time.Sunday; d <= time.Saturday; d++ {
			if l.Weekday(d) == "" {
				t.Errorf("%s: %s has no name", l.Code, d)
			}
		}
	}
}
