package language

// Swedish.
var swedish = &Language{
	Code: "sv",
	Name: "Svenska",
	abbreviations: set("t.ex", "bl.a", "ca", "kl", "nr", "jfr", "dvs", "d.v.s", "resp", "s.k", "p.g.a", "pga",
		"inkl", "exkl", "ang", "tel", "t.o.m", "fr.o.m", "enl", "s.a.s", "f.d"),
	endings:   []string{"en", "et", "n", "t", "ar", "arna", "er", "erna", "or", "orna", "na", "ns", "ens", "ets", "s", "e", "a", "de", "te"},
	collation: swedishCollation,
	Jargon: []string{
		"jfr: se", "jämlikt: enligt", "i enlighet med: enligt", "erhålla: få", "erhåller: får", "erhållit: fått",
		"tillhandahålla: ge", "inkomma: skicka in", "inkommit: kommit in", "inkomna: som kommit in",
		"ansökan ska ha inkommit: vi ska ha fått din ansökan", "äga rätt: ha rätt", "äger rätt: har rätt",
		"därest: om", "emedan: eftersom", "ävensom: och", "tillika: också", "beträffande: om",
		"vederbörande: den det gäller", "torde: bör", "i syfte att: för att", "med anledning av: på grund av",
		"härmed: nu", "delgivning: besked", "bifalla: säga ja till", "bifall: ja", "föreligger: finns",
		"handläggning: arbete med ärendet", "handläggare: den som har ditt ärende",
	},
	LinkTexts: []string{"klicka här", "läs mer", "här", "länk", "länken", "mer", "se mer", "läs här", "klicka",
		"se här", "tryck här", "mer info", "mer information", "läs vidare", "den här sidan", "den här länken"},
	LawSite: "https://www.riksdagen.se/sv/dokument-och-lagar/...",
	locale: locale{
		months:   [12]string{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"},
		weekdays: [7]string{"söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"},
		group:    nbsp, decimal: ",", percent: nbsp,
	},
}
