// Package search makes a site's search index: for each language, a few
// static files that the search script (assets/js/search.js) reads in the
// citizen's browser, so that search needs no server, no third party and no
// WebAssembly. Build makes a language's files from its pages (Doc); Open
// and Search read them as the script does, for tests and for anyone who
// wants to ask an index from Go. The two must stay in step: the rules
// below are the script's too.
//
// # Words
//
// A page's words are split and folded by package language (Words, Fold),
// the one home of what a word is. A hyphenated word is indexed as its
// parts and as the parts written together ("CPR-nummer": "cpr", "nummer",
// "cprnummer"); parts of one letter are left out. Each word has
//
//   - a key: language.SearchKey of the folded word, which is how a
//     citizen may type it: case and accents aside, å, ä and "aa" as a,
//     ø, ö and "oe" as o, æ as "ae" ("MITID", "aabningstider",
//     "boligstotte");
//   - a stem: the language's Snowball stemmer (language.Stem) on the
//     folded word. The words of one stem are one group: a page is found
//     by every form of a word the site uses ("boligstøtte",
//     "boligstøtten").
//
// # Compound words
//
// Danish, Swedish and Norwegian write compounds as one word. A word of
// seven letters or more is split after its third letter and before its
// last four, at every place where the site's own vocabulary (the folded
// words of every page of the language) has the last part, or a word of
// that part's stem, or has the first part, with or without a joining s or
// e. The last part then is a key of the whole word's group too, at a lower
// weight: "støtte" finds "boligstøtte", "stöd" "försörjningsstöd" and
// "tider" "åbningstider".
//
// # Scores
//
// Each page has a score for each group it has words of, 1 to 255: 16 for
// a word of the title, 12 for a keyword (front matter keywords, a glossary
// term's aliases), 6 for each of the first two headings that have it, 3
// for the description, and 1 for each time the body has it, at most 8; 16
// more when the title is that one word.
//
// # Queries
//
// A query's words are keyed as the pages' are. Each word q finds the
// groups of the keys that are
//
//   - q itself (weight 1);
//   - q without one of the language's endings (language.Endings), when
//     three letters are left (0.9): a form the site never uses;
//   - longer and start with q, when q has three letters or more (0.7):
//     the word being typed ("sygeda");
//   - one edit from q (a letter added, left out, changed, or two swapped),
//     when q has five letters or more and found nothing above (0.5):
//     "sygedagpemge".
//
// A key that is the last part of a compound leads to the compound at 0.7
// times its weight. A page's score for q is the best of weight × score ×
// idf over the groups q found, idf = ln(1 + pages / pages with the
// group); a page is a result when every word of the query found it, and
// results are ranked by the sum of their words' scores, then by their
// order in the index. Among the first TitleWindow results, the ones the
// search page shows at once, a page whose title is the query (as keys)
// comes first.
//
// # Making the index
//
// An Indexer makes a language's index and keeps what it needs to make it
// again after an edit: Body analyses a page's text once (on the render's
// workers, package outputs' Stage.Analyze), into its distinct words and
// its groups with the text's scores. Each word's key and stem are found
// once per Indexer, not per page: a page's words are looked up in the
// Indexer's table under a read lock and counted in slices by word id,
// reused from page to page, so that reading a page makes no string per
// word. Each worker also remembers the ids of the spellings it met last
// (a small cache keyed by the text's bytes), so that a word it read
// before is neither folded nor looked up in the table again. A page's
// lists are kept packed (sorted, each number the varint of
// its difference from the one before). Page adds what the page's title,
// keywords and description add to the scores; Files merges the pages'
// analyses into the files. It keeps each group's postings and their
// encoding, so that after one page changed it updates that page's groups,
// finds the keys and compounds again only when a word came or went, and
// hashes only the files whose bytes changed. Build is all of it at once.
//
// A build that keeps nothing for a later one (torv build) merges each
// page as soon as its body is analysed instead (Stream, Add, StreamFiles),
// in whatever order the render's workers finish: it lets go of each
// page's analysis once merged and keeps only each page's row of result
// data (in a spill file, package spill, when the build has one) and, of
// each group, the postings the files list, its best
// MaxPostings and their number (the best of the best so far and of the
// rest are the best of all), so that a site's index holds no page's
// analysis past its render; the files are the same.
// A group's pages are then kept by doc number and cut to the best by
// score, of two alike the one first in the index, as Files has them.
//
// # Files
//
// A language's index is a folder (package outputs puts it at
// search/<lang>/):
//
//	index.json      the manifest: pages, endings, the first key of each
//	                shard and the names of the shards and chunks
//	k-<hash>.json   a shard: the keys of one range, sorted, each with its
//	                groups, and the groups' postings
//	r-<hash>.json   a chunk: the result data of a run of pages (address,
//	                title, section, excerpt)
//
// Shards and chunks are named by their content's hash, so a host may cache
// them for ever. A group's postings are its pages with the best scores, at
// most MaxPostings, with the number of pages it has. A shard holds about
// Limits.ShardBytes of keys and postings, and the number of shards and of
// chunks is bounded by Limits whatever the site's size, so that a site of
// 10 000 pages has a few hundred files and a query reads one or two
// shards and the chunks of the results it shows.
package search
