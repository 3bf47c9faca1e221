// Package ignore names the files torv leaves alone in a site folder: hidden
// files, files and folders starting with "_" (but _index.md and _index.en.md), and the temp
// and backup files editors write beside the file being saved (vim's .swp
// and 4913, emacs' .#name and name~, gedit's .goutputstream-*, JetBrains'
// ___jb_tmp___). The content loader, the asset pipeline and the preview's
// file watcher share this one rule, so a temp file never becomes a page, an
// asset or a rebuild.
package ignore
