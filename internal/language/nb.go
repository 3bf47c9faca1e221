package language

// Norwegian bokmål.
var norwegian = &Language{
	Code: "nb",
	Name: "Norsk bokmål",
	abbreviations: set("f.eks", "bl.a", "ca", "kl", "nr", "jf", "jfr", "dvs", "d.v.s", "evt", "inkl", "pga", "p.g.a",
		"ang", "vedr", "tlf", "iht", "i.h.t", "mht", "m.h.t", "pkt", "st", "ref", "hhv"),
	endings:   []string{"e", "en", "er", "et", "a", "ne", "ene", "ane", "erne", "ens", "ets", "es", "s", "n", "r", "t", "ede", "te"},
	collation: danishCollation, // Norwegian dictionaries sort as Danish ones
	Jargon: []string{
		"jf.: se", "i henhold til: etter", "i medhold av: etter", "iht.: etter", "hjemmel: regel, lov",
		"hjemmelen: regelen, loven", "innvilge: gi ja", "innvilget: fått ja", "innvilgelse: ja",
		"søknaden må være mottatt: vi må ha søknaden", "søknaden må være oss i hende: vi må ha søknaden",
		"såfremt: hvis", "vedrørende: om", "vedr.: om", "herved: nå", "foreligger: er", "fremsende: sende",
		"anmode om: be om", "anmodning*: spørsmål, ønske", "med henblik på: for å", "påse: sørge for",
		"ettersende: sende senere", "forannevnte: den, det", "overnevnte: den, det", "hvorvidt: om",
		"pålegg: krav", "fatte vedtak: bestemme", "i forbindelse med: når, ved", "tilstå: gi",
	},
	LinkTexts: []string{"klikk her", "les mer", "her", "lenke", "lenken", "mer", "se mer", "les her", "klikk", "se her",
		"trykk her", "mer info", "mer informasjon", "les videre", "denne siden", "denne lenken"},
	LawSite: "https://lovdata.no/lov/...",
	locale: locale{
		months:   [12]string{"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"},
		weekdays: [7]string{"søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"},
		dayDot:   true, group: nbsp, decimal: ",", percent: nbsp,
	},
}
