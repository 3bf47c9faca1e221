package language

// English.
var english = &Language{
	Code:          "en",
	Name:          "English",
	abbreviations: set("e.g", "i.e", "mr", "mrs", "ms", "dr", "st", "no", "vs", "cf", "approx", "tel", "fig", "ca", "prof"),
	endings:       []string{"s", "es", "ed", "d", "ing"},
	collation:     plainCollation,
	Jargon: []string{
		"pursuant to: under", "in accordance with: under", "hereby: now", "herewith: with this",
		"aforementioned: this", "aforesaid: this", "notwithstanding: despite", "in respect of: about",
		"with regard to: about", "commence: start", "commencement: start", "terminate: end",
		"remuneration: pay", "in the event that: if", "prior to: before", "subsequent to: after",
		"utilise: use", "utilize: use", "forthwith: now", "thereof: of it", "heretofore: until now",
		"in receipt of: have", "is in possession of: has", "cf.: see", "whilst: while", "endeavour: try",
		"must be received by: we must have it by",
	},
	LinkTexts: []string{"click here", "read more", "here", "link", "this link", "more", "click", "learn more",
		"more info", "more information", "this page", "see more", "continue reading", "this", "go"},
	LawSite: "https://www.legislation.gov.uk/...",
	locale: locale{
		months:   [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		weekdays: [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
		group:    ",", decimal: ".",
	},
}
