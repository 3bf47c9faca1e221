// Package deploy holds what a municipality copies to publish a torv site,
// and the tests that show it works; it has no Go code of its own.
//
//   - github-pages.yml: a GitHub Actions workflow (to .github/workflows/)
//     that builds with torv build -strict and deploys to GitHub Pages.
//   - gitlab-ci.yml: the same for GitLab Pages (to .gitlab-ci.yml).
//   - torv-publish: a bash script that publishes public/ to the
//     municipality's own web server over SSH; docs/publish.md explains
//     all three, in Danish and English.
//
// # torv-publish
//
// A publish copies public/ with rsync into a new folder,
// DIR/releases/<UTC time>, named after every release before it, hard-linking
// the files that are unchanged since the current release (--link-dest, by
// content); then it points DIR/current at the new folder by renaming a new
// link over the old one, so the web server, whose root is DIR/current,
// answers each request wholly from one release. Files with a content hash in
// their name that the current release's build made and the new one lacks are
// linked into the new release, so a page loaded just before the switch still
// finds its stylesheet. The last five releases are kept (-k). rollback
// points current at the release before, or at a named one, in the same way
// (the current release's hashed files are linked into it first).
//
// It deletes only what it made: release folders in a DIR/releases/ that it
// created and marked (.torv-publish), its unfinished uploads and its lock
// there; never the current release, never anything outside DIR/releases/.
// It refuses a DIR/releases/ without its mark and a DIR/current that is not
// its link. Every refusal is one line naming what is wrong and what to do.
//
// It is a script, not a torv command, because it runs on the server as
// much as here: IT staff can read in one file every command it runs with
// their key, and it needs no torv binary where the site is deployed from.
//
// # Tests
//
// The tests start Debian's sshd and nginx on loopback, each with its own
// config and port in a temporary folder, and stop them: the script publishes
// two builds of the example site, which differ in every page and in the
// stylesheet, and rolls back twice, while requests run against nginx: no
// request may fail or see a page and a stylesheet of different builds.
// Then it publishes until five releases are kept, and every refusal is
// checked.
// Without sshd, nginx, rsync or ssh-keygen they skip, saying what to install;
// with CI=true they fail instead.
package deploy
