package jsonld

import (
	"strings"

	"github.com/torv/torv/internal/content"
)

// dayURL is schema.org's DayOfWeek member for a weekday key ("monday").
func dayURL(day string) string {
	return "https://schema.org/" + strings.ToUpper(day[:1]) + day[1:]
}

// office is a place: where citizens meet the organisation.
func office(in Input, d *content.Place) node {
	p := in.Page
	n := node{"@type": "GovernmentOffice", "name": p.Title(), "url": in.Abs(p.URL),
		"isAccessibleForFree": true, "parentOrganization": organisation(in)}
	set(n, "description", p.Description())
	set(n, "telephone", d.Phone)
	set(n, "email", d.Email)
	if d.Address.Street != "" || d.Address.City != "" {
		a := node{"@type": "PostalAddress"}
		set(a, "streetAddress", d.Address.Street)
		set(a, "postalCode", d.Address.Postcode)
		set(a, "addressLocality", d.Address.City)
		n["address"] = a
	}
	var hours []node
	for _, day := range d.OpeningHours {
		for _, iv := range intervals(day.Intervals) {
			hours = append(hours, node{"@type": "OpeningHoursSpecification", "dayOfWeek": dayURL(day.Day),
				"opens": iv.Open, "closes": iv.Close})
		}
	}
	if len(hours) > 0 {
		n["openingHoursSpecification"] = hours
	}
	var special []node
	for _, ex := range d.Exceptions {
		until := ex.Until
		if until.IsZero() {
			until = ex.Date
		}
		for _, iv := range intervals(ex.Intervals) {
			s := node{"@type": "OpeningHoursSpecification", "validFrom": ex.Date.ISO(), "validThrough": until.ISO(),
				"opens": iv.Open, "closes": iv.Close}
			set(s, "description", ex.Note)
			special = append(special, s)
		}
	}
	if len(special) > 0 {
		n["specialOpeningHoursSpecification"] = special
	}
	var features []node
	if d.StepFree && in.StepFree != "" {
		features = append(features, feature(in.StepFree))
	}
	for _, a := range d.Accessibility {
		features = append(features, feature(a))
	}
	if len(features) > 0 {
		n["amenityFeature"] = features
	}
	return n
}

// intervals are a day's opening intervals; a closed day is one that opens
// and closes at 00:00, as search engines read it.
func intervals(iv []content.Interval) []content.Interval {
	if len(iv) == 0 {
		return []content.Interval{{Open: "00:00", Close: "00:00"}}
	}
	return iv
}

// feature is something a place has for its visitors.
func feature(name string) node {
	return node{"@type": "LocationFeatureSpecification", "name": name, "value": true}
}
