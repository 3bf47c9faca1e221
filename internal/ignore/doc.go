// Package ignore names the files torv leaves alone in a site folder. The
// content loader, the asset pipeline, the preview's incremental build and
// the preview's file watcher (package watch) share this one rule, so a
// temp file never becomes a page, an asset or a rebuild, however long it
// lives.
//
// # Left out
//
// A file or folder is left out when its name
//
//   - starts with "." (hidden: .git, .DS_Store, macOS's ._name, vim's
//     .name.swp, emacs' lock .#name, gedit's .goutputstream-*,
//     LibreOffice's lock .~lock.name#, Kate's .name.kate-swp);
//   - starts with "_", except the list pages _index.md and _index.xx.md
//     (xx two small letters, a language code): a draft or a folder kept
//     out of the site, and vim's swap on Windows, _name.swp;
//   - starts with "#" (emacs' autosave #name#; a "#" would end a web
//     address anyway);
//   - starts with "~" (Microsoft Office's owner file ~$name and its temp
//     files ~WRL0001.tmp);
//   - ends with "~" (the backup of emacs, vim, gedit and Kate, and emacs'
//     numbered name.~1~);
//   - ends, in any case, with .swp, .swo, .swn or .swx (vim's swap files
//     and its probe), .kate-swp (Kate), .vsctmp (VS Code's safe save),
//     .crswap (Chrome's and VS Code for the web's file writes), .tmp,
//     .bak, .orig or .rej (patch and git mergetool, which leave the old
//     text of a page beside it), or ___jb_tmp___, ___jb_old___ or
//     ___jb_bak___ (JetBrains' safe write);
//   - is 4913 exactly (vim writes it to learn whether it may write the
//     folder);
//   - is Thumbs.db or desktop.ini, in any case (Windows' picture cache and
//     folder settings, which turn up among images).
//
// Anything else is part of the site: sygedagpenge.md, _index.md, logo.svg,
// a file 49130 or 4913.md. A temp file a rule here misses is published
// beside the page and costs the preview a second rebuild on every save.
package ignore
