// Package loopback starts the real servers torv's tests run against
// (nginx, Apache, sshd) on 127.0.0.1, each with a port, configuration and
// temporary files of its own, and stops them when the test ends: the one
// harness of package deploy's and package hosttest's tests.
//
// Need finds the programs a test runs, in PATH or in /usr/sbin, where
// Debian puts sshd, nginx and apache2 and where a normal user's PATH does
// not look. A missing one skips the test with the apt-get line that
// installs it, and fails it with CI=true, so CI never passes by skipping.
//
// Serve runs a server on a free port and waits until the port accepts.
// Another process may take the port between choosing it and the server
// binding it; the server then exits, and Serve tries again with another
// port, three times. The server runs in a process group of its own and is
// stopped with SIGTERM to the group (Apache and nginx fork workers),
// killed after 10 s. What it printed is kept, and its last 30 lines are
// logged when the test failed.
//
// Nginx is Serve for nginx with the configuration both packages need
// (its own pid file and temporary folders, workers that may read the
// test's private temporary folders when the test runs as root), given the
// lines of its http and server blocks.
package loopback
