// Package slug makes the one kind of name torv puts in URLs and anchors.
//
// A slug is lower case ASCII letters, digits, "-" and "_". Danish,
// Norwegian and Swedish letters are spelled out as their writers do when a
// keyboard lacks them (æ → ae, ø → oe, å → aa, ä → ae, ö → oe), so that an
// address survives e-mail, printing and being read aloud over the phone.
// Anything else becomes one "-", and no slug starts or ends with "-".
// Because "/" and "." never survive, a slug can never leave its folder.
package slug
