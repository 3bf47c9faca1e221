#!/usr/bin/env bash
# Build benchmark: torv against Hugo on the shared generated corpus
# (shared/bench/gencorpus.go, TOML front matter). See bench/README.md.
#
#   bench/run.sh [N...]        N regular pages per corpus (default: 1000 10000)
#
# Environment knobs:
#   RUNS=5 WARMUP=1   timed runs per tool (medians are reported) / untimed warm-ups
#   SEED=1            corpus seed (gencorpus -seed)
#   SHARED=DIR        the shared folder (default: <repo>/../shared)
#   TORV_BIN=PATH     time this torv binary instead of building ./cmd/torv
#   KEEP=1            reuse an existing corpus for N as it is (only corpus.json
#                     must exist). Without KEEP the corpus is reused when its
#                     corpus.json matches N, seed and front matter and was made
#                     by the same gencorpus.go, and regenerated otherwise.
#   SERVE=1           the edit test: `torv serve` and `hugo server` on the corpus,
#                     start to first page and edit to served (SERVE=0 skips it,
#                     SERVE=only skips the build timing)
#   EDITS=10          edits per server in the edit test (the median is reported)
#   PORT=13131        loopback port of `torv serve`; `hugo server` gets PORT+1
#
# Everything is written under /tmp/torv-bench:
#   gencorpus, torv                 the binaries
#   N/site/{config.toml,content/}   torv site (config.toml = bench/config.toml)
#   N/hugo/{config.toml,layouts/,content/}  Hugo site (shared/bench/hugo + same content)
#   N/corpus.json                   gencorpus summary (expected_html, ...)
#   N/out/{torv,hugo}/              outputs (overwritten in place between runs)
#   N/out/{torv,hugo}.log           build log of the last run
#   N/out/{torv,hugo}.times         one line per timed run: wall s, user s, sys s, max RSS KiB
#   N/out/{torv,hugo}-serve.log     the servers' logs of the edit test
#   N/out/{torv,hugo}.edits         the edit test: startup ms, then one line per edit, ms
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED=${SHARED:-$REPO/../shared}
RUNS=${RUNS:-5}
WARMUP=${WARMUP:-1}
SEED=${SEED:-1}
KEEP=${KEEP:-}
SERVE=${SERVE:-1}
EDITS=${EDITS:-10}
PORT=${PORT:-13131}
BASE=/tmp/torv-bench
FM=toml

if [ $# -eq 0 ]; then set -- 1000 10000; fi

log() { printf '== %s\n' "$*" >&2; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

for n in "$@"; do
	[[ $n =~ ^[1-9][0-9]*$ ]] || die "N must be a positive integer, got '$n'"
done
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer"
[[ $WARMUP =~ ^[0-9]+$ ]] || die "WARMUP must be a non-negative integer"
[[ $SERVE =~ ^(0|1|only)$ ]] || die "SERVE must be 0, 1 or only"
[[ $EDITS =~ ^[1-9][0-9]*$ ]] || die "EDITS must be a positive integer"
[[ $PORT =~ ^[1-9][0-9]*$ ]] || die "PORT must be a port number"
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
GENSUM=$(sha256sum "$SHARED/bench/gencorpus.go" | awk '{print $1}')

echo "hugo:  $(hugo version)"
echo "go:    $(go version)"
echo "torv:  ${TORV_BIN:-$(git -C "$REPO" describe --always --dirty 2>/dev/null || echo unknown) (./cmd/torv)}"
echo "cpu:   $(nproc) cores ($(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo)), $(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo)"

# ---------------------------------------------------------------- corpus
json_field() { # file key -> number or string value
	sed -n "s/.*\"$2\":\"\{0,1\}\([^,\"}]*\).*/\1/p" "$1"
}

corpus_ok() { # dir: is the corpus there and made with these settings?
	local d=$1 j=$1/corpus.json
	[ -f "$j" ] && [ -d "$d/site/content" ] && [ -d "$d/hugo/content" ] || return 1
	[ -n "$KEEP" ] && return 0
	[ "$(json_field "$j" seed)" = "$SEED" ] &&
		[ "$(json_field "$j" pages)" = "$N" ] &&
		[ "$(json_field "$j" fm)" = "$FM" ] &&
		[ "$(cat "$d/gencorpus.sha256" 2>/dev/null)" = "$GENSUM" ]
}

make_corpus() { # dir
	local d=$1
	if corpus_ok "$d"; then
		log "N=$N: reusing corpus in $d${KEEP:+ (KEEP)}"
	else
		log "N=$N: generating corpus (seed $SEED) in $d"
		rm -rf "$d/site" "$d/hugo" "$d/out" "$d/corpus.json" "$d/gencorpus.sha256"
		mkdir -p "$d/site"
		"$BASE/gencorpus" -n "$N" -out "$d/site/content" -fm "$FM" -seed "$SEED" >"$d/corpus.json.tmp"
		mkdir -p "$d/hugo"
		cp -r "$d/site/content" "$d/hugo/content"
		echo "$GENSUM" >"$d/gencorpus.sha256"
		mv "$d/corpus.json.tmp" "$d/corpus.json"
	fi
	# the site configs are refreshed every time: they are cheap and may have changed.
	# torv needs a home page and gencorpus writes none: both sites get bench/home.md.
	cp "$REPO/bench/config.toml" "$d/site/config.toml"
	cp "$REPO/bench/home.md" "$d/site/content/_index.md"
	cp "$REPO/bench/home.md" "$d/hugo/content/_index.md"
	rm -rf "$d/hugo/layouts"
	cp -r "$SHARED/bench/hugo/." "$d/hugo/"
	echo "corpus: $(cat "$d/corpus.json")"
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

verify() {
	local expected pages tool o want c missing
	expected=$(json_field "$D/corpus.json" expected_html)
	[ -n "$expected" ] || die "no expected_html in $D/corpus.json"
	pages=$(cd "$SITE/content" && find . -name '*.md' ! -name '_index.md' | sed 's|^\./||; s|\.md$|/index.html|' | sort)
	[ "$(printf '%s\n' "$pages" | grep -c .)" = "$N" ] || die "N=$N: corpus has $(printf '%s\n' "$pages" | grep -c .) pages, not $N"
	printf '%-6s %8s %8s\n' build html expected
	for tool in torv hugo; do
		o=$OUT/$tool
		rm -rf "$o"
		run_tool "$tool" "$o"
		want=$expected
		[ $tool = torv ] && want=$((expected + 1)) # torv also writes 404.html
		c=$(find "$o" -name '*.html' | wc -l)
		printf '%-6s %8d %8d %s\n' "$tool" "$c" "$want" "$([ "$c" = "$want" ] && echo ok || echo MISMATCH)"
		[ "$c" = "$want" ] || die "N=$N: $tool wrote $c HTML files, expected $want (output: $o)"
		missing=$(comm -23 <(printf '%s\n' "$pages") <(cd "$o" && find . -path '*/index.html' | sed 's|^\./||' | sort))
		if [ -n "$missing" ]; then
			printf '%s\n' "$missing" | head -n 10 | sed "s|^|  missing: $o/|" >&2
			die "N=$N: $tool output lacks $(printf '%s\n' "$missing" | wc -l) page(s) of the corpus"
		fi
	done
	[ -f "$OUT/torv/404.html" ] || die "N=$N: torv wrote no 404.html"
	echo "every content page <section>/<slug>.md has <section>/<slug>/index.html in both outputs"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.2f", a/b; else print "n/a" }'; }

median() { sort -g | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2 }'; }

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
	printf '\n%-6s %6s %5s %8s %8s %8s %8s %8s %9s\n' build pages runs wall_s user_s sys_s cpu_s peakMiB ms/page
	for tool in torv hugo; do
		local t=$OUT/$tool.times
		MED[$tool.w]=$(awk '{print $1}' "$t" | median)
		MED[$tool.u]=$(awk '{print $2}' "$t" | median)
		MED[$tool.s]=$(awk '{print $3}' "$t" | median)
		MED[$tool.c]=$(awk '{print $2+$3}' "$t" | median)
		MED[$tool.m]=$(awk '{print $4/1024}' "$t" | median)
		printf '%-6s %6d %5d %8.2f %8.2f %8.2f %8.2f %8.0f %9.3f\n' "$tool" "$N" "$RUNS" \
			"${MED[$tool.w]}" "${MED[$tool.u]}" "${MED[$tool.s]}" "${MED[$tool.c]}" "${MED[$tool.m]}" \
			"$(awk -v w="${MED[$tool.w]}" -v n="$N" 'BEGIN{print w*1000/n}')"
	done
	echo "torv/hugo wall: $(ratio "${MED[torv.w]}" "${MED[hugo.w]}")"
	echo "torv/hugo cpu: $(ratio "${MED[torv.c]}" "${MED[hugo.c]}")"
	echo "torv/hugo peak memory: $(ratio "${MED[torv.m]}" "${MED[hugo.m]}")"
	echo "(per-run times: $OUT/torv.times, $OUT/hugo.times)"
}

# ---------------------------------------------------------------- edit test
# A dev server on the corpus: how long from its start until the page is
# served, and from appending a marker to the page's Markdown until the page
# served has it. Each tool edits its own copy of the page, which is put back
# afterwards; each edit waits for the server's log to show the rebuild done
# before the next one, so no edit lands in the middle of a rebuild.
now_ms() { echo $(($(date +%s%N) / 1000000)); }

serve_tool() { # tool
	local tool=$1 site page rel url port cmd log done_re pid t0 t1 i marker n0 orig out
	case $tool in
	torv) site=$SITE port=$PORT done_re='^Built ' ;;
	hugo) site=$HUGOSITE port=$((PORT + 1)) done_re='Total in' ;;
	esac
	page=$(find "$site/content/nyheder" -name '*-0*.md' | sort | awk 'NR == 1')
	[ -n "$page" ] || die "N=$N: no page in $site/content/nyheder for the edit test"
	rel=${page#"$site/content/"}
	url="http://127.0.0.1:$port/${rel%.md}/"
	log=$OUT/$tool-serve.log
	out=$OUT/$tool.edits
	case $tool in
	torv) cmd=("$TORV" serve -source "$site" -port "$port") ;;
	hugo) cmd=(hugo server -s "$site" --bind 127.0.0.1 --port "$port") ;;
	esac
	if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/"; then
		die "port $port is taken: set PORT"
	fi
	orig=$(mktemp)
	cp "$page" "$orig"
	t0=$(now_ms)
	"${cmd[@]}" >"$log" 2>&1 &
	pid=$!
	# shellcheck disable=SC2064
	trap "kill $pid 2>/dev/null; cp '$orig' '$page'; rm -f '$orig'" EXIT
	until curl -sf -o /dev/null --max-time 60 "$url"; do
		kill -0 "$pid" 2>/dev/null || { tail -n 20 "$log" >&2; die "N=$N: $tool server ended before serving $url"; }
		(($(now_ms) - t0 < 300000)) || die "N=$N: $tool server did not serve $url within 300 s"
		sleep 0.02
	done
	t1=$(now_ms)
	echo "$((t1 - t0))" >"$out"
	sleep 1
	for ((i = 1; i <= EDITS; i++)); do
		marker="BENCHEDIT$i$RANDOM$RANDOM"
		n0=$(grep -c "$done_re" "$log" || true)
		t0=$(now_ms)
		printf '\nRettelse %s.\n' "$marker" >>"$page"
		until curl -s --max-time 5 "$url" | grep -q "$marker"; do
			(($(now_ms) - t0 < 60000)) || { echo "N=$N: $tool: edit $i not served after 60 s" >&2; break; }
		done
		t1=$(now_ms)
		echo "$((t1 - t0))" >>"$out"
		# let the rebuild finish before the next edit
		until (($(grep -c "$done_re" "$log" || true) > n0)); do
			(($(now_ms) - t0 < 120000)) || break
			sleep 0.05
		done
		sleep 0.5
	done
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	trap - EXIT
	cp "$orig" "$page"
	rm -f "$orig"
}

servetest() {
	local tool
	log "N=$N: edit test, $EDITS edits each, torv serve on 127.0.0.1:$PORT, hugo server on :$((PORT + 1))"
	for tool in torv hugo; do
		serve_tool "$tool"
	done
	printf '\n%-6s %6s %11s %11s  %s\n' serve pages startup_ms edit_med_ms "edit ms (each)"
	for tool in torv hugo; do
		local t=$OUT/$tool.edits
		MED[$tool.start]=$(head -n 1 "$t")
		MED[$tool.edit]=$(tail -n +2 "$t" | median)
		printf '%-6s %6d %11d %11s  %s\n' "$tool" "$N" "${MED[$tool.start]}" "${MED[$tool.edit]}" "$(tail -n +2 "$t" | tr '\n' ' ')"
	done
	echo "torv/hugo startup: $(ratio "${MED[torv.start]}" "${MED[hugo.start]}")"
	echo "torv/hugo edit-to-served: $(ratio "${MED[torv.edit]}" "${MED[hugo.edit]}")"
	echo "(server logs: $OUT/torv-serve.log, $OUT/hugo-serve.log)"
}

for N in "$@"; do
	D=$BASE/$N
	SITE=$D/site
	HUGOSITE=$D/hugo
	OUT=$D/out
	echo
	echo "=== N=$N"
	mkdir -p "$D"
	make_corpus "$D"
	mkdir -p "$OUT"
	if [ "$SERVE" != only ]; then
		verify
		timeit
	fi
	[ "$SERVE" = 0 ] || servetest
done
