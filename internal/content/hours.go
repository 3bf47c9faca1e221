package content

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Weekdays in the order a week is shown in the Nordic countries.
var Weekdays = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

// weekdayAliases lets editors write weekdays in their own language.
var weekdayAliases = map[string]string{
	"mandag": "monday", "tirsdag": "tuesday", "onsdag": "wednesday", "torsdag": "thursday",
	"fredag": "friday", "lørdag": "saturday", "søndag": "sunday",
	"måndag": "monday", "tisdag": "tuesday", "lördag": "saturday", "söndag": "sunday",
	"tysdag": "tuesday", "laurdag": "saturday", "sundag": "sunday",
}

// CanonicalWeekday returns the English key of a weekday written in Danish,
// Swedish, Norwegian or English ("lørdag" -> "saturday"), or "".
func CanonicalWeekday(s string) string {
	day := strings.ToLower(s)
	if alias, ok := weekdayAliases[day]; ok {
		return alias
	}
	if containsString(Weekdays, day) {
		return day
	}
	return ""
}

// Interval is one opening period of a day, as "08:00" and "15:30".
type Interval struct {
	Open, Close string
}

// Day is one weekday's opening hours; no intervals means closed.
type Day struct {
	Day       string // "monday"
	Intervals []Interval
}

// Closed reports whether the place is closed all day.
func (d Day) Closed() bool { return len(d.Intervals) == 0 }

// OpeningHours is a week, Monday first; days not given are closed. It is
// empty when the page gives no opening hours at all.
type OpeningHours []Day

// keyError is a problem with one key inside a table value, so the decoder
// can point at that key's line rather than the table's.
type keyError struct {
	key, msg, hint string
}

func (e *keyError) Error() string  { return e.msg }
func (e *keyError) Hint() string   { return e.hint }
func (e *keyError) SubKey() string { return e.key }

// UnmarshalTOML implements decode.Unmarshaler.
func (h *OpeningHours) UnmarshalTOML(v any) error {
	m, ok := v.(map[string]any)
	if !ok {
		return &keyError{msg: "must be a table", hint: `write [opening_hours] on a line of its own, then monday = "08:00-15:00" and so on`}
	}
	days := map[string][]Interval{}
	given := map[string]string{} // day -> the key it was given as
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys) // errors must not depend on map order
	for _, key := range keys {
		raw := m[key]
		day := strings.ToLower(key)
		if alias, ok := weekdayAliases[day]; ok {
			day = alias
		}
		if !containsString(Weekdays, day) {
			return &keyError{key: key, msg: fmt.Sprintf("%q is not a weekday", key),
				hint: "use monday, tuesday, wednesday, thursday, friday, saturday or sunday"}
		}
		if first, twice := given[day]; twice {
			return &keyError{key: key, msg: fmt.Sprintf("%s is the same day as %s", key, first),
				hint: "give each day once; remove one of the two lines"}
		}
		given[day] = key
		s, ok := raw.(string)
		if !ok {
			return &keyError{key: key, msg: "must be text", hint: key + ` = "08:00-15:00"`}
		}
		iv, err := ParseHours(s)
		if err != nil {
			ke := err.(*keyError)
			return &keyError{key: key, msg: ke.msg, hint: ke.hint}
		}
		days[day] = iv
	}
	*h = make(OpeningHours, len(Weekdays))
	for i, d := range Weekdays {
		(*h)[i] = Day{Day: d, Intervals: days[d]}
	}
	return nil
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var closedWords = []string{"", "closed", "lukket", "stängt", "stengt"}

// ParseHours reads "08:00-15:00", "8.00–12.00, 13.00-15.30" or "closed".
// A closing time before its opening time, or intervals out of order, are
// errors: the table would tell citizens something impossible.
func ParseHours(s string) ([]Interval, error) {
	if containsString(closedWords, strings.ToLower(strings.TrimSpace(s))) {
		return nil, nil
	}
	var out []Interval
	last := -1
	for written := range strings.SplitSeq(s, ",") {
		written = strings.TrimSpace(written)
		part := strings.NewReplacer("–", "-", "—", "-", " ", "").Replace(written)
		open, close, ok := strings.Cut(part, "-")
		o, errO := parseClock(open)
		c, errC := parseClock(close)
		if !ok || errO != nil || errC != nil {
			return nil, &keyError{msg: fmt.Sprintf("%q is not a time span", written),
				hint: `write opening and closing time like "08:00-15:00", or "closed"`}
		}
		if c <= o {
			return nil, &keyError{msg: fmt.Sprintf("closes at %s, before it opens at %s", clock(c), clock(o)),
				hint: "the closing time must come after the opening time"}
		}
		if o < last {
			return nil, &keyError{msg: fmt.Sprintf("%s starts before the span before it ends", written),
				hint: "write the spans of a day in order, without overlap"}
		}
		last = c
		out = append(out, Interval{Open: clock(o), Close: clock(c)})
	}
	return out, nil
}

// parseClock reads "8", "08:00" or "8.30" as minutes after midnight.
func parseClock(s string) (int, error) {
	hs, ms, _ := strings.Cut(strings.ReplaceAll(s, ".", ":"), ":")
	h, err := strconv.Atoi(hs)
	if err != nil || h < 0 || h > 24 {
		return 0, fmt.Errorf("bad hour")
	}
	m := 0
	if ms != "" {
		if m, err = strconv.Atoi(ms); err != nil || m < 0 || m > 59 || len(ms) != 2 {
			return 0, fmt.Errorf("bad minute")
		}
	}
	if h*60+m > 24*60 {
		return 0, fmt.Errorf("after midnight")
	}
	return h*60 + m, nil
}

func clock(min int) string { return fmt.Sprintf("%02d:%02d", min/60, min%60) }

// Exception is a day (or days) with other opening hours than usual.
type Exception struct {
	Date      Date       `toml:"date" torv:"required"`
	Until     Date       `toml:"until"`
	Hours     string     `toml:"hours"`
	Note      string     `toml:"note"`
	Intervals []Interval `toml:"-"`
}

// Closed reports whether the place is closed on the exception's days.
func (e Exception) Closed() bool { return len(e.Intervals) == 0 }
