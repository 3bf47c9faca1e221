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
	endings: []string{"e", "en", "er", "et", "ne", "ene", "erne", "ens", "ets", "es", "ers", "ernes", "s", "n", "r", "t", "ede", "te"},
}
