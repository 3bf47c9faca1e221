package language

// Swedish.
var swedish = &Language{
	Code: "sv",
	Name: "Svenska",
	abbreviations: set("t.ex", "bl.a", "ca", "kl", "nr", "jfr", "dvs", "d.v.s", "resp", "s.k", "p.g.a", "pga",
		"inkl", "exkl", "ang", "tel", "t.o.m", "fr.o.m", "enl", "s.a.s", "f.d"),
	endings: []string{"en", "et", "n", "t", "ar", "arna", "er", "erna", "or", "orna", "na", "ns", "ens", "ets", "s", "e", "a", "de", "te"},
}
