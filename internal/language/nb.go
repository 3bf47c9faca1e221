package language

// Norwegian bokmål.
var norwegian = &Language{
	Code: "nb",
	Name: "Norsk bokmål",
	abbreviations: set("f.eks", "bl.a", "ca", "kl", "nr", "jf", "jfr", "dvs", "d.v.s", "evt", "inkl", "pga", "p.g.a",
		"ang", "vedr", "tlf", "iht", "i.h.t", "mht", "m.h.t", "pkt", "st", "ref", "hhv"),
	endings: []string{"e", "en", "er", "et", "a", "ne", "ene", "ane", "erne", "ens", "ets", "es", "s", "n", "r", "t", "ede", "te"},
}
