// Package config reads and validates a site's config.toml.
//
// The file is small and written by hand by people who are not programmers,
// so every key is known: an unknown key is an error with the closest known
// key as a suggestion, and each error carries config.toml's line and column.
//
//	title        = "Mødet med borgeren"         # site title (required)
//	municipality = "Nordby Kommune"             # organisation name in the header (required)
//	baseurl      = "https://borger.nordby.dk/"  # where the site is published; its path is kept in links
//	language     = "da"                         # da, sv, nb or en (default da)
//	description  = "..."                        # one sentence about the site
//	logo         = "images/logo.svg"            # a file under assets/, shown in the header
//
//	[languages.en]                              # another language: pages named x.en.md, under /en/
//	title         = "Meeting the citizen"       # the site title in that language (required)
//	description   = "..."
//	contact_hours = "Monday to Friday 9-15"     # [contact] hours in that language
//
//	[contact]                                   # "Hjælp og kontakt", in the same place on every page
//	phone = "+45 70 11 22 33"
//	email = "borgerservice@nordby.dk"
//	hours = "Mandag til fredag kl. 9-15"
//	page  = "kontakt.md"                        # content path of the contact page
//
//	[sections]                                  # the kind of the pages in each top-level folder
//	principper = "principle"
//	lov        = "law"
//
//	[[menu]]                                    # main navigation, in this order
//	page  = "principper/_index.md"              # content path (or a site URL like "/lov/")
//	title = "Principper"                        # optional; default the page's title
//
//	[taxonomy]
//	path = "emner"                              # URL folder of the topic pages (default emner)
//
//	[feedback]
//	endpoint = ""                               # URL the feedback form posts to
//	email    = "feedback@nordby.dk"             # mailto: fallback without an endpoint
//	page     = "feedback.md"                    # the feedback page (default feedback.md)
//	ask      = true                             # "Fik du svar?" on every page (default true)
//
//	[lists]
//	per_page = 10                               # pages on each page of a long list (default 10)
//	split    = true                             # false: every list on one page (default true)
//
//	[build]
//	minify_html = true                          # default true
//
//	[glossary]
//	link_first_use = true                       # link each glossary term's first use on a page (default true)
//
//	[check]                                     # how "torv check" judges the content
//	editor = "vscode"                           # the preview links findings to the editor
//
//	[check.lix]                                 # one table per rule, named as in the findings
//	warning = 40                                # LIX above 40 is a warning (default)
//	error   = 50                                # and above 50 an error (default)
//
//	[check.long-word]
//	letters = 24                                # default 20
//	allow   = ["Digitaliseringsstyrelsen"]      # long names that cannot be shorter
//
//	[check.jargon]
//	da = ["bevilge: give", "foranstående"]      # more words for the list; after ":" the plain word
//	allow = ["jf."]                             # built-in words that are fine here
//
//	[check.glossary]
//	level = "off"                               # "off", "warning" or "error" for any rule
//
// [check] holds a table for each rule of package check, and nothing else:
// a misspelt rule is an unknown key with the closest rule as suggestion.
// Each table takes level and the rule's own limits (see package check for
// the rules, their limits and their defaults); a rule without a table has
// its defaults. Check.RuleLevel and Check.RuleNames give package check the
// levels without it knowing the struct.
//
// Parse reads from an fs.FS so that tests, the embedded defaults and a
// site folder go through one path; a missing config.toml is an error that
// says how to make one.
package config
