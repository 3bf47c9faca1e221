package outputs

import (
	"strconv"
	"strings"
	"time"

	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/diag"
)

// SecurityTxtFile is where RFC 9116 puts security.txt.
const SecurityTxtFile = ".well-known/security.txt"

// ExpiryWarning is how long before its Expires a security.txt is warned
// about: a month to agree on the next date.
const ExpiryWarning = 30 * 24 * time.Hour

// securityTxt writes /.well-known/security.txt from config.toml's
// [security], and judges its expires on in.Now: within ExpiryWarning a
// warning, past it an error (RFC 9116 tells readers to ignore a lapsed
// file, so publishing one says nothing). Without [security] it writes
// nothing; torv check's security-txt rule says what to add.
func securityTxt(in *Input) ([]File, diag.List) {
	cfg := in.Config
	if !cfg.HasSecurity() {
		return nil, nil
	}
	var errs diag.List
	exp := cfg.Security.Expires.Time
	line, col := cfg.Pos("security.expires")
	next := in.Now.AddDate(1, 0, 0).Format(time.DateOnly)
	switch {
	case exp.IsZero():
		return nil, nil // config reported it
	case !in.Now.Before(exp):
		errs.Add(diag.Errorf(config.File, line, col, "security.txt expired on %s", exp.Format(time.DateOnly)).
			WithHint("check that the contacts in [security] are right, then set expires = %s (at most a year ahead)", next))
	case exp.Sub(in.Now) <= ExpiryWarning:
		errs.Add(diag.Errorf(config.File, line, col, "security.txt expires on %s, in %s", exp.Format(time.DateOnly), daysUntil(in.Now, exp)).
			WithHint("check that the contacts in [security] are right, then set expires = %s (at most a year ahead)", next).Warning())
	case exp.After(in.Now.AddDate(1, 0, 1)):
		errs.Add(diag.Errorf(config.File, line, col, "security.txt expires on %s, more than a year ahead", exp.Format(time.DateOnly)).
			WithHint("RFC 9116 asks for at most a year, so the file is looked at again; set expires = %s", next).Warning())
	}
	return []File{{Path: SecurityTxtFile, Bytes: SecurityTxt(cfg, in.Abs("/"+SecurityTxtFile))}}, errs
}

func daysUntil(now, t time.Time) string {
	if n := int(t.Sub(now).Hours()/24) + 1; n != 1 {
		return strconv.Itoa(n) + " days"
	}
	return "1 day"
}

// SecurityTxt is the security.txt of cfg's [security]; canonical is its
// own full address, "" when the base URL is not a full address.
func SecurityTxt(cfg *config.Config, canonical string) []byte {
	var b strings.Builder
	b.WriteString("# Made by torv build from config.toml's [security].\n")
	for _, c := range cfg.SecurityContacts() {
		b.WriteString("Contact: " + c + "\n")
	}
	b.WriteString("Expires: " + cfg.Security.Expires.UTC().Format(time.RFC3339) + "\n")
	if cfg.Security.Policy != "" {
		b.WriteString("Policy: " + cfg.Security.Policy + "\n")
	}
	if l := cfg.Security.PreferredLanguages; len(l) > 0 {
		b.WriteString("Preferred-Languages: " + strings.Join(l, ", ") + "\n")
	}
	if canonical != "" {
		b.WriteString("Canonical: " + canonical + "\n")
	}
	return []byte(b.String())
}
