package check

// The word lists torv brings, per language. Sites extend them in
// config.toml ([check.jargon] da = [...], [check.link-text] da = [...],
// [check.abbreviation] known = [...]) and take words out with allow.

// jargonWords are words and phrases of officialese, each with the plain
// words to use instead after the colon. A final "*" matches any ending.
var jargonWords = map[string][]string{
	"da": {
		"jf.: se, ifølge", "jævnfør: se, ifølge", "i henhold til: efter, ifølge", "iht.: efter, ifølge",
		"i medfør af: efter", "bevilling*: tilladelse, eller skriv, hvad du får", "bevilge: give",
		"bevilget: givet", "hjemmel: regel, lov", "hjemlen: reglen, loven",
		"ansøgningen skal være modtaget: vi skal have din ansøgning senest",
		"ansøgningen skal være os i hænde: vi skal have din ansøgning senest",
		"såfremt: hvis", "idet: fordi", "endvidere: også", "tillige: også", "vedrørende: om", "vedr.: om",
		"nærværende: denne", "ovennævnte: den, det", "førnævnte: den, det", "foranstående: det ovenfor",
		"fremsende: sende", "fremsendes: sendes", "fremsendt: sendt", "anmode om: bede om", "anmodning*: spørgsmål, ønske",
		"med henblik på: for at", "i forbindelse med: når, ved", "påhviler: er dit ansvar",
		"foreligger: er", "forefindes: er", "fremadrettet: fremover", "dags dato: i dag", "p.t.: lige nu",
		"hvorvidt: om", "såvel: både", "herefter: så", "hermed: nu", "til brug for: til",
		"træffe afgørelse: beslutte", "træffer afgørelse: beslutter",
	},
	"nb": {
		"jf.: se", "i henhold til: etter", "i medhold av: etter", "iht.: etter", "hjemmel: regel, lov",
		"hjemmelen: regelen, loven", "innvilge: gi ja", "innvilget: fått ja", "innvilgelse: ja",
		"søknaden må være mottatt: vi må ha søknaden", "søknaden må være oss i hende: vi må ha søknaden",
		"såfremt: hvis", "vedrørende: om", "vedr.: om", "herved: nå", "foreligger: er", "fremsende: sende",
		"anmode om: be om", "anmodning*: spørsmål, ønske", "med henblik på: for å", "påse: sørge for",
		"ettersende: sende senere", "forannevnte: den, det", "overnevnte: den, det", "hvorvidt: om",
		"pålegg: krav", "fatte vedtak: bestemme", "i forbindelse med: når, ved", "tilstå: gi",
	},
	"sv": {
		"jfr: se", "jämlikt: enligt", "i enlighet med: enligt", "erhålla: få", "erhåller: får", "erhållit: fått",
		"tillhandahålla: ge", "inkomma: skicka in", "inkommit: kommit in", "inkomna: som kommit in",
		"ansökan ska ha inkommit: vi ska ha fått din ansökan", "äga rätt: ha rätt", "äger rätt: har rätt",
		"därest: om", "emedan: eftersom", "ävensom: och", "tillika: också", "beträffande: om",
		"vederbörande: den det gäller", "torde: bör", "i syfte att: för att", "med anledning av: på grund av",
		"härmed: nu", "delgivning: besked", "bifalla: säga ja till", "bifall: ja", "föreligger: finns",
		"handläggning: arbete med ärendet", "handläggare: den som har ditt ärende",
	},
	"en": {
		"pursuant to: under", "in accordance with: under", "hereby: now", "herewith: with this",
		"aforementioned: this", "aforesaid: this", "notwithstanding: despite", "in respect of: about",
		"with regard to: about", "commence: start", "commencement: start", "terminate: end",
		"remuneration: pay", "in the event that: if", "prior to: before", "subsequent to: after",
		"utilise: use", "utilize: use", "forthwith: now", "thereof: of it", "heretofore: until now",
		"in receipt of: have", "is in possession of: has", "cf.: see", "whilst: while", "endeavour: try",
		"must be received by: we must have it by",
	},
}

// vagueLinkTexts say nothing about where a link goes.
var vagueLinkTexts = map[string][]string{
	"da": {"klik her", "læs mere", "her", "link", "linket", "mere", "se mere", "læs her", "klik", "se her",
		"tryk her", "mere info", "mere information", "læs videre", "denne side", "dette link"},
	"nb": {"klikk her", "les mer", "her", "lenke", "lenken", "mer", "se mer", "les her", "klikk", "se her",
		"trykk her", "mer info", "mer informasjon", "les videre", "denne siden", "denne lenken"},
	"sv": {"klicka här", "läs mer", "här", "länk", "länken", "mer", "se mer", "läs här", "klicka",
		"se här", "tryck här", "mer info", "mer information", "läs vidare", "den här sidan", "den här länken"},
	"en": {"click here", "read more", "here", "link", "this link", "more", "click", "learn more",
		"more info", "more information", "this page", "see more", "continue reading", "this", "go"},
}

// knownAbbreviations are read by everyone without an expansion.
var knownAbbreviations = []string{"EU", "CV", "ID", "IT", "PC", "TV", "SMS", "PDF", "USA", "OK", "UK", "FN", "NAV"}

// lawSites are where each language's laws are published, for hints.
var lawSites = map[string]string{
	"da": "https://www.retsinformation.dk/eli/...",
	"nb": "https://lovdata.no/lov/...",
	"sv": "https://www.riksdagen.se/sv/dokument-och-lagar/...",
	"en": "https://www.legislation.gov.uk/...",
}
