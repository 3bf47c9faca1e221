package language

// Danish.
var danish = &Language{
	Code: "da",
	Name: "Dansk",
	// Those that a full stop follows inside a sentence, often before a
	// capital ("jf. Forvaltningsloven"), and that rarely end one; "osv."
	// and "etc." often end one and are left to the lower-case rule.
	abbreviations: set("fx", "f.eks", "bl.a", "ca", "kl", "nr", "jf", "jvf", "dvs", "d.v.s", "evt", "inkl", "ekskl",
		"pga", "p.g.a", "ang", "vedr", "tlf", "stk", "hhv", "iflg", "mht", "m.h.t", "pkt", "st", "sk"),
	endings:   []string{"e", "en", "er", "et", "ne", "ene", "erne", "ens", "ets", "es", "ers", "ernes", "s", "n", "r", "t", "ede", "te"},
	collation: danishCollation,
	Jargon: []string{
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
	LinkTexts: []string{"klik her", "læs mere", "her", "link", "linket", "mere", "se mere", "læs her", "klik", "se her",
		"tryk her", "mere info", "mere information", "læs videre", "denne side", "dette link"},
	LawSite: "https://www.retsinformation.dk/eli/...",
	locale: locale{
		months:   [12]string{"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"},
		weekdays: [7]string{"søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"},
		dayDot:   true, group: ".", decimal: ",", percent: nbsp,
	},
}
