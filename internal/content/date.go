package content

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// Date is a calendar date from front matter. Editors write dates, not
// instants: a TOML date (2024-05-01), the same in quotes, or a TOML
// date-time, of which only the date is kept.
type Date struct{ time.Time }

// dateError is a date problem with its fix.
type dateError struct{ msg, hint string }

func (e *dateError) Error() string { return e.msg }
func (e *dateError) Hint() string  { return e.hint }

var dmy = regexp.MustCompile(`^(\d{1,2})[-./ ](\d{1,2})[-./ ](\d{4})$`)

// UnmarshalTOML implements decode.Unmarshaler.
func (d *Date) UnmarshalTOML(v any) error {
	switch x := v.(type) {
	case time.Time:
		d.Time = time.Date(x.Year(), x.Month(), x.Day(), 0, 0, 0, 0, time.UTC)
		return nil
	case string:
		if t, err := time.Parse(time.DateOnly, x); err == nil {
			d.Time = t
			return nil
		}
		if m := dmy.FindStringSubmatch(x); m != nil {
			return &dateError{
				msg:  fmt.Sprintf("%q is written day first", x),
				hint: fmt.Sprintf("write the year first, without quotes: %s-%02d-%02d", m[3], atoi(m[2]), atoi(m[1])),
			}
		}
		return &dateError{
			msg:  fmt.Sprintf("%q is not a date", x),
			hint: "write year-month-day without quotes, like 2024-05-01",
		}
	}
	return &dateError{
		msg:  fmt.Sprintf("%v is not a date", v),
		hint: "write year-month-day without quotes, like 2024-05-01",
	}
}

// ISO returns the date as 2006-01-02, or "" for the zero date.
func (d Date) ISO() string {
	if d.IsZero() {
		return ""
	}
	return d.Format(time.DateOnly)
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
