package language

// English.
var english = &Language{
	Code:          "en",
	Name:          "English",
	abbreviations: set("e.g", "i.e", "mr", "mrs", "ms", "dr", "st", "no", "vs", "cf", "approx", "tel", "fig", "ca", "prof"),
	endings:       []string{"s", "es", "ed", "d", "ing"},
}
