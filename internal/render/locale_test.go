package render

import (
	"testing"
	"time"
)

// The formats themselves are package language's, and tested there; the
// template functions reach them through locales.
func TestLocales(t *testing.T) {
	may1 := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct{ lang, date, number, percent, saturday string }{
		{"da", "1. maj 2024", "77.117", "12,5\u00a0%", "lørdag"},
		{"sv", "1 maj 2024", "77\u00a0117", "12,5\u00a0%", "lördag"},
		{"nb", "1. mai 2024", "77\u00a0117", "12,5\u00a0%", "lørdag"},
		{"en", "1 May 2024", "77,117", "12.5%", "Saturday"},
	}
	for _, tt := range tests {
		l := locales[tt.lang]
		if l == nil {
			t.Errorf("no locale for %s", tt.lang)
			continue
		}
		if got := l.date(may1); got != tt.date {
			t.Errorf("%s: date %q, want %q", tt.lang, got, tt.date)
		}
		if got := l.number(77117); got != tt.number {
			t.Errorf("%s: number %q, want %q", tt.lang, got, tt.number)
		}
		if got := l.percentage(12.5); got != tt.percent {
			t.Errorf("%s: percentage %q, want %q", tt.lang, got, tt.percent)
		}
		if got := l.weekdays["saturday"]; got != tt.saturday || len(l.weekdays) != 7 {
			t.Errorf("%s: saturday %q of %d days, want %q", tt.lang, got, len(l.weekdays), tt.saturday)
		}
	}
}
