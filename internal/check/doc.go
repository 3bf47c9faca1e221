// Package check finds what makes a page hard to read or to use, where the
// editor writes it: in the terminal ("torv check"), in CI ("torv check
// -format json", "torv build -strict") and in the preview (Panel).
// Municipalities must write so citizens understand (Danish "klart sprog",
// Swedish språklagen § 11, Norwegian språklova § 9); this package is how
// torv helps.
//
// # Findings
//
// A finding is a *diag.Error with a Rule: the same type, the same
// positions and the same sorting as every other error of torv, so that
// findings and build errors print, sort and fail a build as one list:
//
//	content/lov/aktindsigt.md:28:26: warning: "aktindsigt" is in the glossary, but the page does not explain it [glossary]
//	    fix: link its first use to the glossary: [aktindsigt](/ordliste/aktindsigt/)
//
// Positions come from goldmark's segments and nodes (byte offsets into the
// body, whose front matter is blanked, so offsets are offsets into the
// file); findings in front-matter text (a law's in_short) are placed with
// content.Page.FrontMatterPos. Columns count characters.
//
// # What is read
//
// Each page's body is parsed with the build's goldmark set-up (package
// markup), so running text, code, tables, headings, links and images are
// told apart by structure, not by patterns:
//
//	running text   paragraphs, list items, quotes, and the front matter a
//	               citizen reads on the page: description, lead, statement,
//	               question, in_short, you_can, latest, directions, parking
//	headings       the body's headings (the title is the layout's h1)
//	table cells    the cells of GFM tables
//	left out       code blocks and code spans, raw HTML, image files, bare
//	               addresses; navigation and everything else the layouts
//	               write is not in the body at all
//
// LIX and sentence length read the running text only; the word rules read
// all three, but the glossary rule only the body's running text, where a
// link can explain a term. Words and sentences are split per language by package
// readability: each block ends its sentences, so a list item without a
// full stop is one.
//
// # Rules
//
// Every rule has a name, used in findings, in config.toml and in a page's
// check_off, and a default level:
//
//	lix             error    LIX (words/sentences + 100 × words of more than six
//	(staged)                 letters/words) of the page's running text above 40
//	                         is a warning, above 50 an error. Pages of fewer than
//	                         30 words are not judged. The finding names the three
//	                         sentences that raise the page's LIX most (not those
//	                         with the highest LIX of their own: a one-word
//	                         sentence of one long word has LIX 101).
//	long-sentence   warning  sentences of more than 25 words; the fix names the
//	                         comma nearest the middle as a place to split.
//	long-word       warning  words of more than 20 letters. A hyphen splits a
//	                         word ("beskæftigelses-indsats" passes), addresses
//	                         and glossary terms pass, and [check.long-word]
//	                         allow lists names that cannot be shorter.
//	jargon          warning  officialese from the language's list (lists.go:
//	                         "jf.", "i henhold til", "bevilling*", "hjemmel",
//	                         "ansøgningen skal være modtaget", "pursuant to" ...),
//	                         each with the plain words to use instead, unless
//	                         the glossary has the word (then it is the glossary
//	                         rule's). Sites extend the list per language and
//	                         take words out with allow.
//	glossary        warning  a glossary term of the page's language (a term
//	                         page's title or alias, with the language's endings)
//	                         used in the body's running text, when the page
//	                         neither links that use, nor links the term's entry
//	                         or a page the entry links to, nor is such a page
//	                         itself. The build links the first use written as
//	                         the entry writes it (config.toml [glossary]
//	                         link_first_use, on by default), so then only other
//	                         forms ("partshøringen") are left. A capitalised use
//	                         inside a sentence is a name ("Jobcenter Fjordby"),
//	                         not the term.
//	abbreviation    warning  two to eight capitals whose first use is neither
//	                         next to its expansion in brackets ("Det Centrale
//	                         Personregister (CPR)", "CPR (...)") nor linked (by
//	                         the editor, or by the build as a glossary term of
//	                         the page's language in the body's running text),
//	                         and not known to every reader (EU, CV, SMS, PDF
//	                         ...; [check.abbreviation] known adds more). For a
//	                         glossary term with abbr, the fix writes it out.
//	heading         warning  a body heading of level 1 (the title is the only
//	                         h1), a skipped level, an empty heading.
//	image-alt       error    an image without alt text, or with a file name as
//	                         alt text (WCAG 1.1.1, level A): "kort.png", the
//	                         image's own name, or what a camera, phone or
//	                         screenshot tool names a file in any of the four
//	                         languages ("IMG_2041", "Skærmbillede 2026-03-01
//	                         kl. 10.22.31", "Skärmavbild ...", "bild-3").
//	link-text       warning  link text that says nothing ("klik her", "læs
//	                         mere", "her", "klicka här", "läs mer", "les mer",
//	                         "click here", "read more" ...), or no text at all
//	                         but in a law citation, [](lov:id), whose text the
//	                         build writes.
//	link-same-text  warning  one link text for two different targets on a page.
//	link-pdf        warning  a link to a PDF whose text does not say "PDF".
//	anchor          error    a link to #part of a page (this one or another, or
//	                         a law a citation names) that has no such id, in its
//	                         headings or its HTML.
//	mailto-tel      error    a mailto: link that is no e-mail address, a tel:
//	                         link that is no phone number (RFC 3966).
//	law-link        warning  a law explainer without official_url.
//	review-date     error    a law explainer due for review within 30 days
//	(staged)                 (warning) or past it (error); without review_by,
//	                         12 months after reviewed.
//	description     warning  a page without a description.
//	table-header    warning  a table whose header row is empty.
//	security-txt    warning  config.toml without [security]: the site publishes
//	                         no /.well-known/security.txt (RFC 9116). A finding
//	                         about the whole site, at config.toml (Report.Site),
//	                         with the lines to add as its fix.
//
// Links to pages and files that do not exist are no rule: they are the
// build's own errors, reported at the link by package markup, and check
// reports every error the build reports.
//
// # Levels and limits
//
// config.toml's [check] holds a table per rule (see package config):
//
//	[check.lix]
//	warning = 45
//	error   = 55
//
//	[check.glossary]
//	level = "off"
//
// level is "off", "warning" or "error". For a one-stage rule it is the
// level of its findings; for lix and review-date, "warning" keeps the later
// stage a warning, and "error" is the default.
//
// A page switches a rule off with its reason, which the report lists with
// the number of findings it kept out:
//
//	check_off = ["long-word: Digitaliseringsstyrelsen er et navn."]
//
// An unknown rule (with the closest as suggestion) or a missing reason is
// an error at the entry.
//
// # Running
//
// Site runs build's pipeline without minifying or writing: config,
// content, assets and layouts are read and checked as build reads them,
// with the same errors, and every page body is parsed once, with build's
// link resolution and law citations (markup's CheckWith), which gives
// both build's errors for the body and the tree the rules read (its
// converter is made with markup.NewInspecting, and the rules run on the
// parsing workers). The
// layouts are executed for every page whose front matter holds a Markdown
// link (only the layouts resolve those), every page that names a layout
// of its own, and one page of every other layout and the 404 page, so a
// layout that fails for every page of a kind fails in check too. A layout
// that fails only for some pages' data is found by build, which executes
// it for every page; "torv build -strict" runs check's rules as well, for
// CI. On the 10 000-page benchmark corpus check takes about 0.6 of
// build's time: executing every layout for every page would cost about
// what build spends on minifying and writing, and the rules cost less.
//
// New and Run check a site that is already loaded (build -strict, the
// preview) by parsing each body again; Page checks one page after an edit.
// Anchors are looked up in the ids markup gives the target's headings and,
// when those lack it, in the target's HTML (the layouts' own ids, such as
// #main): from the build's output for Run, from rendering that one page
// for Site.
//
// # Output
//
// Report.WriteText groups findings per file, each with its fix on the next
// line, the page's LIX and band in the file's heading, its switched-off
// rules at the end, and a summary line with the LIX of the whole site and,
// for a site in more than one language, of each language (a hard language
// would hide in the average). Report.WriteJSON gives the same for CI: a
// summary, every finding, and every page with its LIX, band, three hardest
// sentences and switched-off rules.
//
// The band places a page's LIX against the site's own limits: "let" up to
// the warning limit, "middel" up to the error limit, "svær" above it, so
// the preview's colour and the finding always agree.
//
// # Preview
//
// Panel writes a page's findings as an HTML fragment for the preview
// server to put before </body>: a <details> element that folds away, with
// the LIX and its band, the three hardest sentences, each finding with its
// rule and fix, and the rules switched off. Each position is written
// file:line:col, as in the terminal, and links to the editor when
// config.toml's [check] editor is set ("vscode" makes vscode://file/...).
// It uses no JavaScript and no inline style, so it works under the site's
// Content-Security-Policy; its stylesheet PanelCSS is served by the
// preview at PanelCSSPath, on the page's own origin beside the preview's
// other files. It is never part of build's output: package server adds it
// to the response only.
package check
