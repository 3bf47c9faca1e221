#!/usr/bin/env bash
# Benchmark: torv against Hugo on the shared generated corpus
# (shared/bench/gencorpus.go, TOML front matter). See bench/README.md.
#
#   bench/run.sh [N...]        N regular pages per corpus (default: $N, else 1000 10000)
#
# For each N, in one run beside Hugo: the full build (wall time, CPU, peak
# memory), then `torv serve` against `hugo server`: startup, three kinds of
# edit to served (body, title, new folder) and COPY new pages copied in.
# Then, with SEARCH=1, the search index beside Pagefind's on the same output
# (issue 13): files, bytes, what a browser downloads for a query, and what the
# index adds to the build. Then the peak memory of `torv build` at each of
# MEM_SIZES pages.
#
# Environment knobs:
#   N="1000 10000"    the sizes, when none are given as arguments (N= : none,
#                     e.g. to measure only memory)
#   RUNS=5 WARMUP=1   timed builds per tool (median and 95th percentile; 0: the
#                     outputs are checked, not timed) / untimed warm-ups
#   SEED=1            corpus seed (gencorpus -seed)
#   SHARED=DIR        the shared folder (default: <repo>/../shared)
#   TORV_BIN=PATH     time this torv binary instead of building ./cmd/torv
#   KEEP=1            reuse an existing corpus for N as it is (only corpus.json
#                     must exist). Without KEEP the corpus is reused when its
#                     corpus.json matches N, seed and front matter and was made
#                     by the same gencorpus.go, and regenerated otherwise.
#   SERVE=1           the dev-server tests: `torv serve` and `hugo server` on the
#                     corpus (SERVE=0 skips them, SERVE=only skips the build
#                     timing and, unless MEM_SIZES is set, the memory test)
#   SERVE_TOOLS="torv hugo"  the servers the server tests run (SERVE_TOOLS=torv
#                     skips `hugo server`, and its copy of the corpus when
#                     only the server tests run; no torv/hugo ratios then)
#   EDIT_KINDS="body title folder"   which edits to time (see README)
#   EDITS=10          edits of each kind per server (median and 95th percentile)
#   COPY=5000         new pages copied into content/ while the server runs (0 skips)
#   COPY_RUNS=3       copies per server (median and 95th percentile)
#   SAMPLE=20         random new pages polled, besides the last one copied
#   TIMEOUT=60        seconds an edit may take to be served before it counts
#                     as failed (a copy gets 5 x TIMEOUT)
#   PORT=13131        loopback port of `torv serve`; `hugo server` gets PORT+1
#   BENCH_DIR=/tmp/torv-bench  where everything is written: give each of two
#                     runs at the same time its own, they would overwrite each
#                     other's binaries and outputs
#   MEM_SIZES="3000 30000 100000"  corpus sizes for the memory test ("" skips it)
#   MEM_RUNS=3        `torv build` runs per size (median and 95th percentile)
#   MEM_HUGO=0        1: Hugo's memory at MEM_SIZES too (slow at 100 000)
#   SEARCH=1          the search section for each N: torv's index against npm
#                     pagefind (0 skips it, only runs it alone: no build timing,
#                     no server tests; memory only if MEM_SIZES is set)
#   SEARCH_QUERIES=20 one-word and three-word queries each (median and p95)
#   SEARCH_RUNS=3     timed builds with and without the search stage (median;
#                     after WARMUP untimed ones of each)
#   PAGEFIND_VERSION=1.6.0  the npm pagefind version, installed in BASE/pagefind
#   PAGEFIND_ARGS=    more pagefind options, e.g. "--root-selector main" to index
#                     only <main> (default: Pagefind's defaults, the whole <body>)
#
# Everything is written under BENCH_DIR (/tmp/torv-bench):
#   gencorpus, torv                 the binaries
#   N/site/{config.toml,content/}   torv site (config.toml = bench/config.toml)
#   N/hugo/{config.toml,layouts/,content/}  Hugo site (shared/bench/hugo + same content)
#   N/corpus.json                   gencorpus summary (expected_html, ...)
#   N/out/{torv,hugo}/              outputs (overwritten in place between runs)
#   N/out/{torv,hugo}.log           build log of the last run
#   N/out/{torv,hugo}.times         one line per timed run: wall s, user s, sys s, max RSS KiB
#   N/out/{torv,hugo}.mem           the memory test, same columns
#   N/out/{torv,hugo}-serve.log     the servers' logs
#   N/out/{torv,hugo}.startup       ms from starting the server to the first page served
#   N/out/{torv,hugo}.{body,title}  per edit: ms from the edit to served, ms of one poll before it
#   N/out/{torv,hugo}.folder        per new folder: ms until its page is served, ms until
#                                   the page, the folder's list and the home page all show it
#   N/out/{torv,hugo}.copy          per copy: ms the copy took, then ms from its end until
#                                   the last page copied is served, and until the sample is
#   N/out/{torv,hugo}.copy-check    HTTP status of every copied page after the first copy
#                                   (the check stops after TIMEOUT s)
#   copy-COPY/content/              the pages the copy test copies (gencorpus, seed SEED+1)
#   pagefind/                       npm pagefind@PAGEFIND_VERSION; searchbytes: the browser driver
#   N/out/pagefind/                 a copy of N/out/torv without torv's search (soeg/, search/,
#                                   js/search.*.js), with Pagefind's index in pagefind/
#   N/out/torv.search-build         per build: with (1) or without (0) the search stage, wall s,
#                                   the search stage's own s, the render's s (torv build -timing)
#   N/out/pagefind.index            Pagefind's indexing: wall s, max RSS KiB
#   N/out/search.queries            per query and tool: bytes downloaded, files, results (searchbytes)
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED=${SHARED:-$REPO/../shared}
RUNS=${RUNS:-5}
WARMUP=${WARMUP:-1}
SEED=${SEED:-1}
KEEP=${KEEP:-}
SERVE=${SERVE:-1}
SERVE_TOOLS=${SERVE_TOOLS:-torv hugo}
EDIT_KINDS=${EDIT_KINDS-body title folder}
EDITS=${EDITS:-10}
COPY=${COPY:-5000}
COPY_RUNS=${COPY_RUNS:-3}
SAMPLE=${SAMPLE:-20}
TIMEOUT=${TIMEOUT:-60}
PORT=${PORT:-13131}
# SERVE=only has always meant "only the server tests": keep it so unless
# MEM_SIZES is given.
SEARCH=${SEARCH:-1}
SEARCH_QUERIES=${SEARCH_QUERIES:-20}
SEARCH_RUNS=${SEARCH_RUNS:-3}
PAGEFIND_VERSION=${PAGEFIND_VERSION:-1.6.0}
PAGEFIND_ARGS=${PAGEFIND_ARGS:-}
if [ "$SERVE" = only ] || [ "$SEARCH" = only ]; then MEM_SIZES=${MEM_SIZES-}; else MEM_SIZES=${MEM_SIZES-3000 30000 100000}; fi
MEM_RUNS=${MEM_RUNS:-3}
MEM_HUGO=${MEM_HUGO:-0}
BASE=${BENCH_DIR:-/tmp/torv-bench}
FM=toml

# shellcheck disable=SC2086 # N is a list of sizes
if [ $# -eq 0 ]; then set -- ${N-1000 10000}; fi

log() { printf '== %s\n' "$*" >&2; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }
posint() { [[ $1 =~ ^[1-9][0-9]*$ ]]; }

for n in "$@"; do posint "$n" || die "N must be a positive integer, got '$n'"; done
for n in $MEM_SIZES; do posint "$n" || die "MEM_SIZES must be positive integers, got '$n'"; done
for t in $SERVE_TOOLS; do [[ $t =~ ^(torv|hugo)$ ]] || die "SERVE_TOOLS: unknown server '$t' (torv, hugo)"; done
for k in $EDIT_KINDS; do [[ $k =~ ^(body|title|folder)$ ]] || die "EDIT_KINDS: unknown kind '$k' (body, title, folder)"; done
[[ $RUNS =~ ^[0-9]+$ ]] || die "RUNS must be a non-negative integer (0: no build timing)"
[[ $WARMUP =~ ^[0-9]+$ ]] || die "WARMUP must be a non-negative integer"
[[ $SERVE =~ ^(0|1|only)$ ]] || die "SERVE must be 0, 1 or only"
posint "$EDITS" || die "EDITS must be a positive integer"
[[ $COPY =~ ^[0-9]+$ ]] || die "COPY must be a non-negative integer"
posint "$COPY_RUNS" || die "COPY_RUNS must be a positive integer"
[[ $SAMPLE =~ ^[0-9]+$ ]] || die "SAMPLE must be a non-negative integer"
posint "$TIMEOUT" || die "TIMEOUT must be a positive integer (seconds)"
posint "$PORT" || die "PORT must be a port number"
posint "$MEM_RUNS" || die "MEM_RUNS must be a positive integer"
[[ $MEM_HUGO =~ ^(0|1)$ ]] || die "MEM_HUGO must be 0 or 1"
[[ $SEARCH =~ ^(0|1|only)$ ]] || die "SEARCH must be 0, 1 or only"
posint "$SEARCH_QUERIES" || die "SEARCH_QUERIES must be a positive integer"
posint "$SEARCH_RUNS" || die "SEARCH_RUNS must be a positive integer"
[[ $PAGEFIND_VERSION =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "PAGEFIND_VERSION must be an exact version (1.6.0)"
[ "$SEARCH" != only ] || [ "$SERVE" != only ] || die "SEARCH=only and SERVE=only exclude each other"
[ -f "$SHARED/bench/gencorpus.go" ] || die "no $SHARED/bench/gencorpus.go (set SHARED=path/to/shared)"
[ -f "$SHARED/bench/hugo/config.toml" ] || die "no Hugo skeleton in $SHARED/bench/hugo"
for f in config.toml home.md; do [ -f "$REPO/bench/$f" ] || die "no $REPO/bench/$f"; done
command -v go >/dev/null || die "go not found"

# ---------------------------------------------------------------- tools
apt_updated=
apt_install() { # package
	log "installing $1 (apt-get)"
	if [ -z "$apt_updated" ]; then
		apt-get update -qq || die "apt-get update failed (root needed?)"
		apt_updated=1
	fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null || die "apt-get install $1 failed"
}
command -v hugo >/dev/null || apt_install hugo
[ -x /usr/bin/time ] || apt_install time
[ "$SERVE" = 0 ] || command -v curl >/dev/null || apt_install curl
if [ "$SEARCH" != 0 ]; then
	command -v npm >/dev/null || apt_install npm
	command -v chromium >/dev/null || [ -n "${CHROMIUM:-}" ] || apt_install chromium
fi

mkdir -p "$BASE"
log "building gencorpus and torv"
(cd "$BASE" && go build -o "$BASE/gencorpus" "$SHARED/bench/gencorpus.go")
if [ -n "${TORV_BIN:-}" ]; then
	TORV=$TORV_BIN
	[ -x "$TORV" ] || die "TORV_BIN=$TORV is not an executable"
else
	(cd "$REPO" && go build -o "$BASE/torv" ./cmd/torv)
	TORV=$BASE/torv
fi
# the server tests' edits are made and timed by bench/edittime
[ "$SERVE" = 0 ] || [ "$SEARCH" = only ] || (cd "$REPO" && go build -o "$BASE/edittime" ./bench/edittime)
GENSUM=$(sha256sum "$SHARED/bench/gencorpus.go" | awk '{print $1}')

echo "hugo:  $(hugo version)"
echo "go:    $(go version)"
echo "torv:  ${TORV_BIN:-$(git -C "$REPO" describe --always --dirty 2>/dev/null || echo unknown) (./cmd/torv)}"
echo "cpu:   $(nproc) cores ($(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo)), $(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo)"

# ---------------------------------------------------------------- statistics
# Every figure is a median with its 95th percentile beside it: the median
# says what is usual, the 95th percentile how bad a slow run gets.
median() { sort -g | awk '{a[NR]=$1} END{ if (!NR) print "nan"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2 }'; }

# p95: nearest-rank 95th percentile of the numbers on stdin. Below 20
# numbers that is the largest one, so with few runs it is the worst run.
p95() { sort -g | awk '{a[NR]=$1} END{ if (!NR) { print "nan"; exit } i=int(0.95*NR); if (i < 0.95*NR) i++; print a[i] }'; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.2f", a/b; else print "n/a" }'; }

# ---------------------------------------------------------------- corpus
json_field() { # file key -> number or string value
	sed -n "s/.*\"$2\":\"\{0,1\}\([^,\"}]*\).*/\1/p" "$1"
}

corpus_ok() { # dir: is torv's corpus there and made with these settings?
	local d=$1 j=$1/corpus.json
	[ -f "$j" ] && [ -d "$d/site/content" ] || return 1
	[ -n "$KEEP" ] && return 0
	[ "$(json_field "$j" seed)" = "$SEED" ] &&
		[ "$(json_field "$j" pages)" = "$N" ] &&
		[ "$(json_field "$j" fm)" = "$FM" ] &&
		[ "$(cat "$d/gencorpus.sha256" 2>/dev/null)" = "$GENSUM" ]
}

make_corpus() { # dir hugo(0|1): torv's site, and with hugo=1 Hugo's copy of it
	local d=$1 hugo=$2
	if corpus_ok "$d"; then
		log "N=$N: reusing corpus in $d${KEEP:+ (KEEP)}"
	else
		log "N=$N: generating corpus (seed $SEED) in $d"
		rm -rf "$d/site" "$d/hugo" "$d/out" "$d/corpus.json" "$d/gencorpus.sha256"
		mkdir -p "$d/site"
		"$BASE/gencorpus" -n "$N" -out "$d/site/content" -fm "$FM" -seed "$SEED" >"$d/corpus.json.tmp"
		echo "$GENSUM" >"$d/gencorpus.sha256"
		mv "$d/corpus.json.tmp" "$d/corpus.json"
	fi
	# The server tests add these and take them away again; a run that was
	# killed hard may have left them.
	rm -rf "$d"/site/content/nyt-omraade-* "$d"/site/content/nye-sider \
		"$d"/hugo/content/nyt-omraade-* "$d"/hugo/content/nye-sider
	# Hugo's copy is made only where Hugo runs: at 100 000 pages it is 600 MB.
	if [ "$hugo" = 1 ] && [ ! -d "$d/hugo/content" ]; then
		mkdir -p "$d/hugo"
		cp -r "$d/site/content" "$d/hugo/content"
	fi
	# the site configs are refreshed every time: they are cheap and may have changed.
	# torv needs a home page and gencorpus writes none: both sites get bench/home.md.
	cp "$REPO/bench/config.toml" "$d/site/config.toml"
	cp "$REPO/bench/home.md" "$d/site/content/_index.md"
	if [ -d "$d/hugo/content" ]; then
		cp "$REPO/bench/home.md" "$d/hugo/content/_index.md"
		rm -rf "$d/hugo/layouts"
		cp -r "$SHARED/bench/hugo/." "$d/hugo/"
	fi
	echo "corpus: $(cat "$d/corpus.json")"
}

use_size() { # n: point N, D, SITE, HUGOSITE and OUT at the corpus of n pages
	N=$1
	D=$BASE/$N
	SITE=$D/site
	HUGOSITE=$D/hugo
	OUT=$D/out
}

# ---------------------------------------------------------------- builds
# run_tool tool outdir [time-file]: one build; with a time file, under GNU time.
failed() { # tool: show the start of the build log and stop
	local l=$OUT/$1.log
	echo "--- $1 build failed; first lines of $l ($(wc -l <"$l") lines):" >&2
	head -n 15 "$l" >&2
	[ "$(wc -l <"$l")" -le 15 ] || { echo "..." >&2; tail -n 1 "$l" >&2; }
	die "N=$N: $1 build failed (log: $l)"
}

run_tool() {
	local tool=$1 out=$2 tf=${3:-} cmd
	case $tool in
	torv) cmd=("$TORV" build -quiet -source "$SITE" -destination "$out") ;;
	hugo) cmd=(hugo --quiet --minify -s "$HUGOSITE" -d "$out") ;;
	esac
	if [ -n "$tf" ]; then
		/usr/bin/time -f '%e %U %S %M' -o "$tf.one" "${cmd[@]}" >"$OUT/$tool.log" 2>&1 ||
			failed "$tool"
		cat "$tf.one" >>"$tf"
		rm -f "$tf.one"
	else
		"${cmd[@]}" >"$OUT/$tool.log" 2>&1 ||
			failed "$tool"
	fi
}

count_ok() { # tool: did the tool's last build write every HTML file it should?
	local tool=$1 want c
	want=$(json_field "$D/corpus.json" expected_html)
	[ -n "$want" ] || die "no expected_html in $D/corpus.json"
	if [ "$tool" = torv ]; then
		# torv also writes 404.html, its search page soeg/index.html and one
		# A–Å page per first letter of the titles, soeg/<letter>/index.html
		local letters
		letters=$(find "$OUT/torv/soeg" -mindepth 2 -maxdepth 2 -name index.html 2>/dev/null | wc -l)
		[ "$letters" -gt 0 ] || die "N=$N: torv wrote no A–Å letter page below soeg/"
		want=$((want + 2 + letters))
	fi
	c=$(find "$OUT/$tool" -name '*.html' | wc -l)
	printf '%-6s %8d %8d %s\n' "$tool" "$c" "$want" "$([ "$c" = "$want" ] && echo ok || echo MISMATCH)"
	[ "$c" = "$want" ] || die "N=$N: $tool wrote $c HTML files, expected $want (output: $OUT/$tool)"
}

verify() {
	local pages tool o missing
	pages=$(cd "$SITE/content" && find . -name '*.md' ! -name '_index.md' | sed 's|^\./||; s|\.md$|/index.html|' | sort)
	[ "$(printf '%s\n' "$pages" | grep -c .)" = "$N" ] || die "N=$N: corpus has $(printf '%s\n' "$pages" | grep -c .) pages, not $N"
	printf '%-6s %8s %8s\n' build html expected
	for tool in torv hugo; do
		o=$OUT/$tool
		rm -rf "$o"
		run_tool "$tool" "$o"
		count_ok "$tool"
		missing=$(comm -23 <(printf '%s\n' "$pages") <(cd "$o" && find . -path '*/index.html' | sed 's|^\./||' | sort))
		if [ -n "$missing" ]; then
			printf '%s\n' "$missing" | head -n 10 | sed "s|^|  missing: $o/|" >&2
			die "N=$N: $tool output lacks $(printf '%s\n' "$missing" | wc -l) page(s) of the corpus"
		fi
	done
	[ -f "$OUT/torv/404.html" ] || die "N=$N: torv wrote no 404.html"
	[ -f "$OUT/torv/soeg/index.html" ] || die "N=$N: torv wrote no search page soeg/index.html"
	echo "every content page <section>/<slug>.md has <section>/<slug>/index.html in both outputs"
}

declare -A MED
timeit() {
	local i tool order
	: >"$OUT/torv.times"
	: >"$OUT/hugo.times"
	log "N=$N: timing, $WARMUP warm-up + $RUNS runs each, torv and hugo alternating"
	for ((i = 0; i < WARMUP + RUNS; i++)); do
		# alternate who goes first too, so neither always follows the other's I/O
		if ((i % 2 == 0)); then order="torv hugo"; else order="hugo torv"; fi
		for tool in $order; do
			if ((i < WARMUP)); then
				run_tool "$tool" "$OUT/$tool"
			else
				run_tool "$tool" "$OUT/$tool" "$OUT/$tool.times"
			fi
		done
	done
	printf '\n%-6s %6s %5s %8s %8s %8s %8s %8s %8s %8s %9s\n' build pages runs wall_s wall_p95 user_s sys_s cpu_s peakMiB peak_p95 ms/page
	for tool in torv hugo; do
		local t=$OUT/$tool.times
		MED[$tool.w]=$(awk '{print $1}' "$t" | median)
		MED[$tool.w95]=$(awk '{print $1}' "$t" | p95)
		MED[$tool.u]=$(awk '{print $2}' "$t" | median)
		MED[$tool.s]=$(awk '{print $3}' "$t" | median)
		MED[$tool.c]=$(awk '{print $2+$3}' "$t" | median)
		MED[$tool.m]=$(awk '{print $4/1024}' "$t" | median)
		MED[$tool.m95]=$(awk '{print $4/1024}' "$t" | p95)
		printf '%-6s %6d %5d %8.2f %8.2f %8.2f %8.2f %8.2f %8.0f %8.0f %9.3f\n' "$tool" "$N" "$RUNS" \
			"${MED[$tool.w]}" "${MED[$tool.w95]}" "${MED[$tool.u]}" "${MED[$tool.s]}" "${MED[$tool.c]}" \
			"${MED[$tool.m]}" "${MED[$tool.m95]}" \
			"$(awk -v w="${MED[$tool.w]}" -v n="$N" 'BEGIN{print w*1000/n}')"
	done
	echo "torv/hugo wall: $(ratio "${MED[torv.w]}" "${MED[hugo.w]}") (p95 $(ratio "${MED[torv.w95]}" "${MED[hugo.w95]}"))"
	# Each run's torv build and Hugo build follow each other, so the
	# ratio of a pair has the machine's load of that moment in both of
	# its terms: its median drifts less than the ratio of the medians
	# when the load changes between runs (Hugo took 9 to 14 s in one day).
	local pairs
	pairs=$(paste -d' ' <(awk '{print $1}' "$OUT/torv.times") <(awk '{print $1}' "$OUT/hugo.times") |
		awk '$2 > 0 {print $1/$2}')
	[ -z "$pairs" ] ||
		echo "torv/hugo wall, run by run: $(printf '%s\n' "$pairs" | median | xargs printf '%.2f') (p95 $(printf '%s\n' "$pairs" | p95 | xargs printf '%.2f'))"
	echo "torv/hugo cpu: $(ratio "${MED[torv.c]}" "${MED[hugo.c]}")"
	echo "torv/hugo peak memory: $(ratio "${MED[torv.m]}" "${MED[hugo.m]}") (p95 $(ratio "${MED[torv.m95]}" "${MED[hugo.m95]}"))"
	echo "(per-run times: $OUT/torv.times, $OUT/hugo.times)"
}

# ---------------------------------------------------------------- dev server
# One server at a time on the corpus, torv first. Every test changes files
# under content/ and polls the server until what it serves shows the change
# (the edits with bench/edittime, the copy with curl); before the next
# change it waits until the server's log says the rebuild is done, so no
# change lands in the middle of a rebuild. What a test changes is put back
# afterwards, also when the script stops early.

now_ms() { local t=${EPOCHREALTIME//[.,]/}; echo $((t / 1000)); }

SRV_PID= # the server this script started; the only process it ever kills
RESTORE=() # "saved-copy|file": files to put back
REMOVE=()  # folders to take away
cleanup() {
	local r p
	if [ -n "$SRV_PID" ]; then
		kill "$SRV_PID" 2>/dev/null || true
		wait "$SRV_PID" 2>/dev/null || true
		SRV_PID=
	fi
	for r in "${RESTORE[@]}"; do
		cp "${r%%|*}" "${r#*|}"
		rm -f "${r%%|*}"
	done
	for p in "${REMOVE[@]}"; do rm -rf "$p"; done
	RESTORE=() REMOVE=()
}
trap cleanup EXIT
trap 'exit 130' INT TERM # so that the EXIT trap runs on Ctrl-C too

save() { # file: put it back on cleanup
	local keep
	keep=$(mktemp)
	cp "$1" "$keep"
	RESTORE+=("$keep|$1")
}

server_vars() { # tool: T_SITE, T_PORT, T_CMD, T_DONE (ERE of the log line that ends a rebuild)
	case $1 in
	torv)
		T_SITE=$SITE T_PORT=$PORT
		T_CMD=("$TORV" serve -source "$SITE" -port "$PORT")
		T_DONE='^(Built |Updated |The site has |Still )' ;;
	hugo)
		T_SITE=$HUGOSITE T_PORT=$((PORT + 1))
		# Hugo's defaults: rendered to memory, fast render, live reload
		T_CMD=(hugo server -s "$HUGOSITE" --bind 127.0.0.1 --port "$T_PORT")
		T_DONE='Total in|Rebuilt in|^Error|ERROR' ;;
	esac
	T_URL=http://127.0.0.1:$T_PORT
	T_LOG=$OUT/$1-serve.log
}

done_count() { grep -c -E "$T_DONE" "$T_LOG" || true; }

# served url [ERE]: is url served with status 200 (and does it match ERE)?
# grep reads the whole page (-c, not -q): under pipefail a grep that quit
# early would fail curl with SIGPIPE on a long list page.
served() {
	if [ $# -eq 1 ]; then
		curl -sf -o /dev/null --max-time 5 "$1"
	else
		curl -sf --max-time 5 "$1" | grep -E -c -- "$2" >/dev/null
	fi
}

# wait_served t0 limit-ms pause url [ERE]: poll until served, every pause
# seconds (0: as fast as curl goes); fails after limit-ms since t0.
wait_served() {
	local t0=$1 limit=$2 pause=$3
	shift 3
	until served "$@"; do
		(($(now_ms) - t0 < limit)) || return 1
		[ "$pause" = 0 ] || sleep "$pause"
	done
}

# settle n0: wait until the log shows a rebuild after the first n0, then
# until no rebuild ends for half a second (a burst of files can give two).
settle() {
	local n0=$1 t0 n
	t0=$(now_ms)
	until (($(done_count) > n0)); do
		(($(now_ms) - t0 < TIMEOUT * 2000)) || { log "N=$N: no rebuild seen in $T_LOG"; return 0; }
		sleep 0.05
	done
	n=$(done_count)
	while sleep 0.5 && (($(done_count) != n)); do n=$(done_count); done
}

start_server() { # tool [startup-file]: start it and wait for the first page
	local tool=$1 sf=${2:-} t0
	if served "$T_URL/"; then die "port $T_PORT is taken: set PORT"; fi
	t0=$(now_ms)
	"${T_CMD[@]}" >>"$T_LOG" 2>&1 &
	SRV_PID=$!
	until curl -sf -o /dev/null --max-time 60 "$BODY_URL"; do
		kill -0 "$SRV_PID" 2>/dev/null || { tail -n 20 "$T_LOG" >&2; die "N=$N: $tool server ended before serving $BODY_URL"; }
		(($(now_ms) - t0 < 300000)) || die "N=$N: $tool server did not serve $BODY_URL within 300 s"
		sleep 0.02
	done
	[ -z "$sf" ] || echo "$(($(now_ms) - t0))" >"$sf"
	sleep 1
}

stop_server() {
	kill "$SRV_PID" 2>/dev/null || true
	wait "$SRV_PID" 2>/dev/null || true
	SRV_PID=
}

late() { log "N=$N: $1: $2 not served after $3 s (counted as its time)"; }

# edit tool what edittime-args...: make an edit and time it with
# bench/edittime, which writes the files itself, then polls the URLs over
# one keep-alive connection (every 1 ms unless -pause says otherwise) and
# prints the ms until each is served (and with -cost, the ms one poll of
# them all took before the edit): its line is left in EDIT_LINE.
edit() {
	local tool=$1 what=$2
	shift 2
	if ! EDIT_LINE=$("$BASE/edittime" -timeout "${TIMEOUT}s" "$@"); then
		[ -n "$EDIT_LINE" ] || die "N=$N: $tool: bench/edittime failed ($what)"
		late "$tool" "$what" "$TIMEOUT"
	fi
}

# (a) body edit: append a sentence with a marker to a page; served when the
# page has it. Polled every millisecond: an edit should take milliseconds.
edit_body() { # tool i
	local marker="BENCHEDIT$2x$RANDOM$RANDOM" n0 add
	add=$(mktemp)
	printf '\nRettelse %s.\n' "$marker" >"$add"
	n0=$(done_count)
	edit "$1" "body edit $2" -cost -append "$BODY_PAGE=$add" "$BODY_URL" "$marker"
	rm -f "$add"
	echo "$EDIT_LINE" >>"$OUT/$1.body" # ms until served, ms of one poll
	settle "$n0"
}

# (b) title edit: the page's title is on its folder's list page, so a new
# title must reach the list too. Served when the list page and the page
# show it. The file is rewritten in place, as an editor saves it.
edit_title() { # tool i
	local marker="BENCHTITLE$2x$RANDOM$RANDOM" n0 text
	text=$(mktemp)
	sed "0,/^title = \"\(.*\)\"\$/s//title = \"\1 $marker\"/" "$TITLE_ORIG" >"$text"
	n0=$(done_count)
	edit "$1" "title edit $2" -cost -write "$TITLE_PAGE=$text" "$TITLE_LIST" "$marker" "$TITLE_URL" "$marker"
	rm -f "$text"
	echo "$EDIT_LINE" | awk '{print $2, $3}' >>"$OUT/$1.title" # ms until both are served, ms of one poll of both
	settle "$n0"
}

# (c) a new folder content/nyt-omraade-i/ with _index.md and one page. The
# folder is new in the site's navigation and on the home page, which in
# both skeletons is on every page: a rebuild of everything, so it polls
# every 20 ms instead of every millisecond, leaving the CPU to the server.
# Two times: until the page is served, and until the page, the folder's
# list and the home page all show it. The folders stay until the server stops.
edit_folder() { # tool i
	local i=$2 dir=$T_SITE/content/nyt-omraade-$2 marker="BENCHNEW$2x$RANDOM$RANDOM" n0 idx page
	idx=$(mktemp) page=$(mktemp)
	printf '+++\ntitle = "Nyt område %d"\ndescription = "Et nyt område til benchmark."\n+++\n\nOmrådet er nyt.\n' "$i" >"$idx"
	printf '+++\ntitle = "Ny side %d"\ndescription = "En ny side i et nyt område."\n+++\n\nSiden er ny: %s.\n' "$i" "$marker" >"$page"
	REMOVE+=("$dir")
	n0=$(done_count)
	edit "$1" "folder $i" -pause 20ms -mkdir "$dir" -write "$dir/_index.md=$idx" -write "$dir/side.md=$page" \
		"$T_URL/nyt-omraade-$i/side/" "$marker" "$T_URL/nyt-omraade-$i/" "/nyt-omraade-$i/side/" \
		"$T_URL/" "/nyt-omraade-$i/[\"'> ]"
	rm -f "$idx" "$page"
	echo "$EDIT_LINE" | awk '{print $1, $3}' >>"$OUT/$1.folder" # ms until the page is served, ms until all three are
	settle "$n0"
}

# The copy test's pages: a corpus of COPY pages of its own (another seed),
# copied to content/nye-sider/ in sorted order, so the last file copied is
# known. Its links are relative (../../nyheder/slug/) and stay inside it.
copy_corpus() {
	local c=$BASE/copy-$COPY
	if [ ! -f "$c/files" ] || [ "$(cat "$c/gencorpus.sha256" 2>/dev/null)" != "$GENSUM-$SEED" ]; then
		log "generating the $COPY pages of the copy test in $c"
		rm -rf "$c"
		mkdir -p "$c"
		"$BASE/gencorpus" -n "$COPY" -out "$c/content" -fm "$FM" -seed $((SEED + 1)) >"$c/corpus.json"
		(cd "$c/content" && find . -name '*.md' | sed 's|^\./||' | LC_ALL=C sort) >"$c/files.tmp"
		mv "$c/files.tmp" "$c/files"
		echo "$GENSUM-$SEED" >"$c/gencorpus.sha256"
	fi
	COPY_DIR=$c
	# the URLs polled: the last page copied and SAMPLE others drawn at random (fixed seed)
	COPY_SAMPLE=$(grep -v '_index\.md$' "$c/files" |
		awk -v k="$SAMPLE" -v s="$SEED" 'BEGIN{srand(s)} {a[NR]=$0} END{
			print a[NR]; for (i = NR - 1; i > 1; i--) { j = int(rand() * i) + 1; t = a[i]; a[i] = a[j]; a[j] = t }
			for (i = 1; i <= k && i < NR; i++) print a[i] }' | sed 's|\.md$|/|')
}

# copy_check tool: after the first copy, is every copied page served? Not
# timed: one curl for all of them over one connection, stopped after
# TIMEOUT s, because hugo server in fast render mode renders each new page
# only when it is first asked for, and 5 000 of them take long.
copy_check() {
	local tool=$1 cfg
	cfg=$(mktemp)
	grep -v '_index\.md$' "$COPY_DIR/files" | sed "s|\.md\$|/|; s|.*|url = \"$T_URL/nye-sider/&\"\noutput = \"/dev/null\"|" >"$cfg"
	# line-buffered, so the statuses before the stop are not lost with curl
	timeout "$TIMEOUT" stdbuf -oL curl -s --max-time 10 -K "$cfg" -w '%{http_code}\n' >"$OUT/$tool.copy-check" || true
	rm -f "$cfg"
}

# (4) copy COPY new pages into content/ while the server runs. Timed from
# the end of the copy until the last page copied is served, and until the
# whole sample is (the last page first, then the others one by one),
# polling every 20 ms. Two times, because hugo server renders a new page
# when it is first asked for: each page of the sample adds to its time.
# Before each copy the server is started afresh (not timed) and the pages
# of the copy before are removed: hugo server goes on serving pages whose
# files are gone, and so each copy meets a server in the same state.
copy_test() { # tool
	local tool=$1 dest=$T_SITE/content/nye-sider r n0 t0 t1 tl u ok
	for ((r = 1; r <= COPY_RUNS; r++)); do
		stop_server
		rm -rf "$dest"
		start_server "$tool"
		n0=$(done_count)
		REMOVE+=("$dest")
		mkdir "$dest"
		t0=$(now_ms)
		(cd "$COPY_DIR/content" && xargs cp --parents -t "$dest" <"$COPY_DIR/files")
		t1=$(now_ms)
		ok=1 tl=
		for u in $COPY_SAMPLE; do
			wait_served "$t1" $((TIMEOUT * 5000)) 0.02 "$T_URL/nye-sider/$u" || { ok=; break; }
			[ -n "$tl" ] || tl=$(now_ms)
		done
		[ -n "$ok" ] || late "$tool" "copy $r: /nye-sider/$u" $((TIMEOUT * 5))
		echo "$((t1 - t0)) $((${tl:-$(now_ms)} - t1)) $(($(now_ms) - t1))" >>"$OUT/$tool.copy"
		settle "$n0"
		[ "$r" != 1 ] || copy_check "$tool"
	done
}

serve_tool() { # tool
	local tool=$1 kind i
	server_vars "$tool"
	: >"$T_LOG"
	rm -f "$OUT/$tool".{startup,body,title,folder,copy,copy-check}
	# the body edit's page is the first of content/nyheder/, the title
	# edit's the second (the same pages in both sites)
	BODY_PAGE=$(find "$T_SITE/content/nyheder" -name '*-0*.md' | LC_ALL=C sort | awk 'NR == 1')
	TITLE_PAGE=$(find "$T_SITE/content/nyheder" -name '*-0*.md' | LC_ALL=C sort | awk 'NR == 2')
	[ -n "$TITLE_PAGE" ] || die "N=$N: too few pages in $T_SITE/content/nyheder for the edit tests"
	BODY_URL=$T_URL/nyheder/$(basename "$BODY_PAGE" .md)/
	TITLE_URL=$T_URL/nyheder/$(basename "$TITLE_PAGE" .md)/
	TITLE_LIST=$T_URL/nyheder/
	save "$BODY_PAGE"
	save "$TITLE_PAGE"
	TITLE_ORIG=${RESTORE[-1]%%|*}
	start_server "$tool" "$OUT/$tool.startup"
	for kind in $EDIT_KINDS; do
		log "N=$N: $tool: $EDITS ${kind} edits"
		for ((i = 1; i <= EDITS; i++)); do "edit_$kind" "$tool" "$i"; done
	done
	if ((COPY > 0)); then
		log "N=$N: $tool: copying $COPY pages into content/nye-sider/, $COPY_RUNS times"
		copy_test "$tool"
	fi
	stop_server
	cleanup
}

# stats file column: "median p95" of one column of a result file
stats() { echo "$(awk -v c="$2" '{print $c}' "$1" | median) $(awk -v c="$2" '{print $c}' "$1" | p95)"; }

# both: do the server tests run both servers, so that ratios mean something?
both() { [[ " $SERVE_TOOLS " == *" torv "* && " $SERVE_TOOLS " == *" hugo "* ]]; }

servetest() {
	local tool kind col f t h pc
	log "N=$N: server tests ($SERVE_TOOLS): torv serve on 127.0.0.1:$PORT, hugo server on :$((PORT + 1))"
	((COPY == 0)) || copy_corpus
	for tool in $SERVE_TOOLS; do serve_tool "$tool"; done

	printf '\n%-6s %6s %11s\n' serve pages startup_ms
	for tool in $SERVE_TOOLS; do printf '%-6s %6d %11d\n' "$tool" "$N" "$(cat "$OUT/$tool.startup")"; done
	both && echo "torv/hugo startup: $(ratio "$(cat "$OUT/torv.startup")" "$(cat "$OUT/hugo.startup")")"

	if [ -n "$EDIT_KINDS" ]; then
		# poll_ms: the median cost of one poll (see poll_cost), for the
		# edits that are polled as fast as curl goes
		printf '\n%-13s %-6s %6s %5s %10s %10s %8s  %s\n' edit-to-served tool pages edits median_ms p95_ms poll_ms "ms each"
		for kind in $EDIT_KINDS; do
			# a new folder has two times: its page, then page + list + home
			if [ "$kind" = folder ]; then set -- "folder:page 1" "folder:lists 2"; else set -- "$kind 1"; fi
			for f in "$@"; do
				col=${f#* }
				for tool in $SERVE_TOOLS; do
					t=$OUT/$tool.${kind}
					read -r MED[$tool.e] MED[$tool.e95] < <(stats "$t" "$col")
					pc=-
					[ "$kind" = folder ] || pc=$(awk '{print $2}' "$t" | median)
					printf '%-13s %-6s %6d %5d %10s %10s %8s  %s\n' "${f% *}" "$tool" "$N" "$(wc -l <"$t")" \
						"${MED[$tool.e]}" "${MED[$tool.e95]}" "$pc" "$(awk -v c="$col" '{printf "%s ", $c}' "$t")"
				done
				both && echo "torv/hugo ${f% *}: median $(ratio "${MED[torv.e]}" "${MED[hugo.e]}"), p95 $(ratio "${MED[torv.e95]}" "${MED[hugo.e95]}")"
			done
		done
	fi

	if ((COPY > 0)); then
		# last: the last page copied served; sample: it and SAMPLE more
		printf '\n%-6s %6s %6s %5s %8s %9s %9s %11s %11s %11s\n' copy pages new runs copy_ms last_med last_p95 sample_med sample_p95 all_served
		for tool in $SERVE_TOOLS; do
			t=$OUT/$tool.copy
			read -r MED[$tool.cl] MED[$tool.cl95] < <(stats "$t" 2)
			read -r MED[$tool.cs] MED[$tool.cs95] < <(stats "$t" 3)
			h=$(grep -c '^200$' "$OUT/$tool.copy-check" || true)
			printf '%-6s %6d %6d %5d %8s %9s %9s %11s %11s %11s\n' "$tool" "$N" "$COPY" "$(wc -l <"$t")" \
				"$(awk '{print $1}' "$t" | median)" "${MED[$tool.cl]}" "${MED[$tool.cl95]}" \
				"${MED[$tool.cs]}" "${MED[$tool.cs95]}" "$h/$COPY"
		done
		both && echo "torv/hugo copy to last page served: median $(ratio "${MED[torv.cl]}" "${MED[hugo.cl]}"), p95 $(ratio "${MED[torv.cl95]}" "${MED[hugo.cl95]}")"
		both && echo "torv/hugo copy to sample served: median $(ratio "${MED[torv.cs]}" "${MED[hugo.cs]}"), p95 $(ratio "${MED[torv.cs95]}" "${MED[hugo.cs95]}")"
		echo "(all_served: copied pages answering 200 in a sweep after the first copy, stopped after ${TIMEOUT} s)"
	fi
	echo "(server logs: $OUT/<tool>-serve.log)"
}

# ---------------------------------------------------------------- search
# torv's search index (issue 13) beside Pagefind run on the same built
# output: the files each adds, their bytes, what a browser downloads for a
# query (bench/searchbytes: headless Chromium on a loopback server that
# gzips text types as a static host does), and what torv's index adds to
# the build's wall time (builds with and without the search stage).

PF=$BASE/pagefind

search_tools() { # npm pagefind at PAGEFIND_VERSION and the browser driver
	if [ "$("$PF/node_modules/.bin/pagefind" --version 2>/dev/null)" != "pagefind $PAGEFIND_VERSION" ]; then
		log "installing pagefind@$PAGEFIND_VERSION (npm) in $PF"
		mkdir -p "$PF"
		[ -f "$PF/package.json" ] || echo '{"private": true}' >"$PF/package.json"
		npm install --prefix "$PF" --no-audit --no-fund --save-exact "pagefind@$PAGEFIND_VERSION" >"$PF/npm.log" 2>&1 ||
			{ tail -n 20 "$PF/npm.log" >&2; die "npm install pagefind@$PAGEFIND_VERSION failed (log: $PF/npm.log)"; }
	fi
	(cd "$REPO" && go build -o "$BASE/searchbytes" ./bench/searchbytes)
}

seconds() { # a Go duration (812ms, 1.5s, 2m3.1s, 0s) in seconds
	awk -v d="$1" 'BEGIN{ s = 0
		if (d ~ /ms$/) { sub(/ms$/, "", d); s = d / 1000 }
		else if (d ~ /(µs|us)$/) { sub(/(µs|us)$/, "", d); s = d / 1e6 }
		else if (d ~ /ns$/) { s = 0 }
		else { if (d ~ /m/) { split(d, a, "m"); s = a[1] * 60; d = a[2] } sub(/s$/, "", d); s += d }
		printf "%.3f", s }'
}

# search_build: SEARCH_RUNS builds with the search stage (into N/out/torv,
# which the queries then use) and as many without (-without search), after
# WARMUP untimed ones of each, alternating, and alternating which goes
# first; each line of torv.search-build: with(1|0) wall_s stage_s render_s.
search_build() {
	local i with dest tl st rt
	local tf=$OUT/torv.search-build
	: >"$tf"
	log "N=$N: search: $WARMUP warm-up + $SEARCH_RUNS torv builds with the search stage and as many without, alternating"
	for ((i = 0; i < 2 * (WARMUP + SEARCH_RUNS); i++)); do
		# pairs (with, without), then (without, with), ...
		if (((i + i / 2) % 2 == 0)); then with=1 dest=$OUT/torv; else with=0 dest=$OUT/torv-nosearch; fi
		tl=$OUT/torv.search-build.log
		# shellcheck disable=SC2046 # the flag is one word or none
		/usr/bin/time -f '%e' -o "$tf.one" "$TORV" build -quiet -timing -source "$SITE" -destination "$dest" \
			$([ "$with" = 1 ] || echo "-without search") >"$tl" 2>&1 ||
			{ cp "$tl" "$OUT/torv.log"; failed torv; }
		st=$(awk '$1 == "search" {print $2}' "$tl")
		rt=$(awk '$1 == "render" {print $2}' "$tl")
		[ "$with" = 0 ] || [ -n "$st" ] || die "N=$N: torv build -timing printed no search stage (log: $tl)"
		((i < 2 * WARMUP)) || echo "$with $(cat "$tf.one") $(seconds "${st:-0s}") $(seconds "${rt:-0s}")" >>"$tf"
		rm -f "$tf.one"
	done
	rm -rf "$OUT/torv-nosearch"
	[ -f "$OUT/torv/search/da/index.json" ] || die "N=$N: torv wrote no search/da/index.json"
}

search_pagefind() { # Pagefind on a copy of torv's output, timed
	local site=$OUT/pagefind
	log "N=$N: search: pagefind@$PAGEFIND_VERSION${PAGEFIND_ARGS:+ $PAGEFIND_ARGS} on a copy of $OUT/torv"
	rm -rf "$site"
	cp -r "$OUT/torv" "$site"
	# A site searched with Pagefind has none of torv's search: without its
	# search page (an A–Å list of every title, 2.5 MB at 10 000 pages, that
	# Pagefind would index as one more page) and its index.
	rm -rf "$site/soeg" "$site/search" "$site"/js/search.*.js
	# shellcheck disable=SC2086 # PAGEFIND_ARGS is a list of options
	/usr/bin/time -f '%e %M' -o "$OUT/pagefind.index" \
		"$PF/node_modules/.bin/pagefind" --site "$site" --output-subdir pagefind $PAGEFIND_ARGS >"$OUT/pagefind.log" 2>&1 ||
		{ tail -n 20 "$OUT/pagefind.log" >&2; die "N=$N: pagefind failed (log: $OUT/pagefind.log)"; }
}

files_bytes() { # paths...: "files bytes" of the regular files below them
	find "$@" -type f -printf '%s\n' | awk '{n++; b += $1} END{printf "%d %d", n, b}'
}

col() { # tool kind column: the column of searchbytes' rows of that tool and kind
	local c
	c=$(head -n 1 "$OUT/search.queries" | tr '\t' '\n' | grep -n -x "$3" | cut -d: -f1)
	awk -F'\t' -v t="$1" -v k="$2" -v c="$c" 'NR > 1 && $1 == t && $2 == k {print $c}' "$OUT/search.queries"
}

kb() { awk '{printf "%.1f", $1 / 1000}'; }

searchtest() {
	local tool kind tf fb pf
	echo
	echo "--- search, N=$N, pagefind@$PAGEFIND_VERSION${PAGEFIND_ARGS:+ $PAGEFIND_ARGS} (load: $(uptime | sed 's/.*load average: //'))"
	search_tools
	search_build
	search_pagefind
	log "N=$N: search: $SEARCH_QUERIES one-word and $SEARCH_QUERIES three-word queries in Chromium"
	"$BASE/searchbytes" -torv "$OUT/torv" -pagefind "$OUT/pagefind" -content "$SITE/content" \
		-n "$SEARCH_QUERIES" -seed "$SEED" >"$OUT/search.queries" 2>"$OUT/search.log" ||
		{ tail -n 20 "$OUT/search.log" >&2; die "N=$N: searchbytes failed (log: $OUT/search.log)"; }

	# The torv script: js/search.<hash>.js; Pagefind's bundle is all in pagefind/.
	fb=$(files_bytes "$OUT/torv/search" "$OUT"/torv/js/search.*.js)
	pf=$(files_bytes "$OUT/pagefind/pagefind")
	printf '\n%-9s %7s %9s | %-23s %-23s | %-23s %-23s\n' search files index_KB \
		"one word: KB med (p95)" "files med (p95)" "three words: KB med (p95)" "files med (p95)"
	for tool in torv pagefind; do
		if [ "$tool" = torv ]; then tf=$fb; else tf=$pf; fi
		printf '%-9s %7d %9.0f' "$tool" "${tf% *}" "$(echo "${tf#* }" | kb)"
		for kind in one three; do
			MED[$tool.$kind]=$(col "$tool" "$kind" bytes | median)
			printf ' | %-23s %-23s' \
				"$(echo "${MED[$tool.$kind]}" | kb) ($(col "$tool" "$kind" bytes | p95 | kb))" \
				"$(col "$tool" "$kind" files | median) ($(col "$tool" "$kind" files | p95))"
		done
		echo
	done
	echo "(KB = 1000 bytes; index = search/ and js/search.*.js for torv, pagefind/ for Pagefind, uncompressed;"
	echo " downloaded = gzip on the wire with headers, script + index + result data, beside the bare page)"
	search_report "${fb% *}"
}

search_report() { # torv's index file count
	local t=$OUT/torv.search-build tool w0 w1 st pw
	w1=$(awk '$1 == 1 {print $2}' "$t" | median)
	w0=$(awk '$1 == 0 {print $2}' "$t" | median)
	st=$(awk '$1 == 1 {print $3}' "$t" | median)
	pw=$(awk '{print $1}' "$OUT/pagefind.index")
	echo "torv build wall: with search ${w1} s, without ${w0} s (median of $SEARCH_RUNS each): +$(awk -v a="$w1" -v b="$w0" 'BEGIN{printf "%.1f", (a - b) * 100 / b}') %"
	echo "torv search stage (-timing, its Make after the render): ${st} s = $(awk -v a="$st" -v b="$w1" 'BEGIN{printf "%.1f", a * 100 / b}') % of the build's wall time"
	echo "torv render (-timing; with search it analyses each page's words): with $(awk '$1 == 1 {print $4}' "$t" | median) s, without $(awk '$1 == 0 {print $4}' "$t" | median) s"
	echo "pagefind indexing the output: ${pw} s wall, $(awk '{printf "%.0f", $2 / 1024}' "$OUT/pagefind.index") MiB peak (= $(awk -v a="$pw" -v b="$w0" 'BEGIN{printf "%.0f", a * 100 / b}') % of torv's build without search)"
	# Every query is drawn from a page, so each must find something; a
	# title's three words should show that page among the first 10.
	for tool in torv pagefind; do
		echo "$tool: queries that found nothing: $(col "$tool" one results | awk '$1 == 0' | wc -l) of $SEARCH_QUERIES one-word," \
			"$(col "$tool" three results | awk '$1 == 0' | wc -l) of $SEARCH_QUERIES three-word;" \
			"three-word queries not showing their page among the first 10: $(col "$tool" three rank | awk '$1 == 0' | wc -l)"
	done
	echo "torv/pagefind first query: $(ratio "${MED[torv.one]}" "${MED[pagefind.one]}"), three words: $(ratio "${MED[torv.three]}" "${MED[pagefind.three]}")"
	echo "target first query <= 50 KB: $(echo "${MED[torv.one]}" | kb) KB, $(awk -v b="${MED[torv.one]}" 'BEGIN{print (b <= 50000) ? "met" : "MISSED"}')"
	echo "target index files <= 1000: $1, $(awk -v n="$1" 'BEGIN{print (n <= 1000) ? "met" : "MISSED"}')"
	echo "target index build <= 10 % of the build: $(awk -v a="$w1" -v b="$w0" 'BEGIN{d = (a - b) * 100 / b; printf "%.1f %% (with/without), %s", d, (d <= 10) ? "met" : "MISSED"}')"
	echo "(per query: $OUT/search.queries; builds: $t; load now: $(uptime | sed 's/.*load average: //'))"
}

# ---------------------------------------------------------------- memory
# Peak memory (max RSS from GNU time) of a full build at each of MEM_SIZES
# pages, and how it grows: issue 12 asks that 30 000 pages need at most
# 1.5 x what 3 000 need, and 100 000 pages at most 1 GiB.
memtest() {
	local tools=torv tool n i first='' firstm m
	[ "$MEM_HUGO" = 0 ] || tools="torv hugo"
	declare -A PEAK
	for n in $MEM_SIZES; do
		use_size "$n"
		echo
		echo "=== memory, N=$N"
		mkdir -p "$D"
		make_corpus "$D" "$MEM_HUGO"
		mkdir -p "$OUT"
		log "N=$N: memory, $MEM_RUNS builds of: $tools"
		for tool in $tools; do
			: >"$OUT/$tool.mem"
			rm -rf "${OUT:?}/$tool"
			for ((i = 1; i <= MEM_RUNS; i++)); do run_tool "$tool" "$OUT/$tool" "$OUT/$tool.mem"; done
			count_ok "$tool"
		done
	done
	printf '\n%-6s %7s %5s %8s %8s %12s %12s %9s\n' memory pages runs wall_s wall_p95 peak_med_MiB peak_p95_MiB KiB/page
	for tool in $tools; do
		for n in $MEM_SIZES; do
			local t=$BASE/$n/out/$tool.mem
			m=$(awk '{print $4/1024}' "$t" | median)
			PEAK[$tool.$n]=$m
			printf '%-6s %7d %5d %8.2f %8.2f %12.0f %12.0f %9.1f\n' "$tool" "$n" "$(wc -l <"$t")" \
				"$(awk '{print $1}' "$t" | median)" "$(awk '{print $1}' "$t" | p95)" \
				"$m" "$(awk '{print $4/1024}' "$t" | p95)" "$(awk -v m="$m" -v n="$n" 'BEGIN{print m*1024/n}')"
		done
	done
	for tool in $tools; do
		first=
		for n in $MEM_SIZES; do
			if [ -z "$first" ]; then first=$n firstm=${PEAK[$tool.$n]}; continue; fi
			echo "$tool peak memory $n/$first pages: $(ratio "${PEAK[$tool.$n]}" "$firstm")"
		done
		# the issue's targets, where the sizes were measured
		if [ -n "${PEAK[$tool.3000]:-}" ] && [ -n "${PEAK[$tool.30000]:-}" ]; then
			m=$(ratio "${PEAK[$tool.30000]}" "${PEAK[$tool.3000]}")
			echo "$tool target 30000 <= 1.5 x 3000: $m x, $(awk -v a="${PEAK[$tool.30000]}" -v b="${PEAK[$tool.3000]}" 'BEGIN{print (a <= 1.5 * b) ? "met" : "MISSED"}')"
		fi
		if [ -n "${PEAK[$tool.100000]:-}" ]; then
			echo "$tool target 100000 <= 1024 MiB: $(printf '%.0f' "${PEAK[$tool.100000]}") MiB, $(awk -v m="${PEAK[$tool.100000]}" 'BEGIN{print (m <= 1024) ? "met" : "MISSED"}')"
		fi
	done
	echo "(per-run figures: $BASE/<N>/out/<tool>.mem)"
}

# ---------------------------------------------------------------- main
for n in "$@"; do
	use_size "$n"
	echo
	echo "=== N=$N"
	mkdir -p "$D"
	# Hugo's copy of the corpus: not for the search section alone, nor for
	# server tests alone without hugo server
	hugo=1
	if [ "$SEARCH" = only ] || { [ "$SERVE" = only ] && [[ " $SERVE_TOOLS " != *" hugo "* ]]; }; then hugo=0; fi
	make_corpus "$D" "$hugo"
	mkdir -p "$OUT"
	if [ "$SERVE" != only ] && [ "$SEARCH" != only ]; then
		verify
		((RUNS == 0)) || timeit
	fi
	[ "$SEARCH" = 0 ] || searchtest
	[ "$SERVE" = 0 ] || [ "$SEARCH" = only ] || servetest
done
[ -z "$MEM_SIZES" ] || memtest
