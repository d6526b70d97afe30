#!/usr/bin/env bash
# Start-up benchmark: release start to first frame of Arvio against a plain eframe hello-world
# window (examples/hello.rs) built with the same eframe, features and profile. Each program is
# started with ARVIO_EXIT_AFTER_FIRST_FRAME=1, so it closes itself once its first frame has been
# painted; what is timed is process start to exit. Target (issue 8): arvio / hello ≤ 1.3.
# Two baselines: `hello` (text in a CentralPanel, as eframe's own hello-world) and `bare` (the
# same text straight on the clear colour, ARVIO_HELLO_BARE=1: the floor of any eframe window).
#
# Usage: scripts/startup-bench.sh [--runs N] [--only hello|arvio] [--no-build]
#   --runs N     runs per program (default 20, after 2 warm-up runs)
#   --only X     time one program only (e.g. to check the set-up without building the app)
#   --no-build   use the binaries already in target/release
#
# Runs under the current DISPLAY, or starts its own Xvfb when there is none. Installs Xvfb,
# hyperfine, a software Vulkan driver and the window's libraries when missing (Debian/Ubuntu,
# through scripts/system-deps.sh). Without hyperfine it falls back to a timing loop.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=20
only=""
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "startup-bench: unknown argument $1" >&2; exit 2 ;;
  esac
done
case "$only" in ""|hello|arvio) ;; *) echo "startup-bench: --only hello|arvio" >&2; exit 2 ;; esac

# --- tools -------------------------------------------------------------------------------------
need_install=0
command -v Xvfb >/dev/null || need_install=1
command -v hyperfine >/dev/null || need_install=1
ldconfig -p 2>/dev/null | grep -q 'libxkbcommon-x11' || need_install=1
ldconfig -p 2>/dev/null | grep -q 'libvulkan' || need_install=1
if [ "$need_install" = 1 ] && command -v apt-get >/dev/null; then
  echo "startup-bench: installing Xvfb, hyperfine and the window libraries" >&2
  bash scripts/system-deps.sh xvfb mesa-vulkan-drivers hyperfine xauth \
    || echo "startup-bench: could not install everything; going on with what there is" >&2
fi

# --- build -------------------------------------------------------------------------------------
hello=target/release/examples/hello
app=target/release/arvio
if [ "$build" = 1 ]; then
  case "$only" in
    hello) cargo build --release --example hello ;;
    arvio) cargo build --release --bin arvio ;;
    *) cargo build --release --bin arvio --example hello ;;
  esac
fi

# --- display -----------------------------------------------------------------------------------
xvfb_pid=""
cleanup() { if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; fi; }
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ]; then
  command -v Xvfb >/dev/null || { echo "startup-bench: no DISPLAY and no Xvfb" >&2; exit 2; }
  for n in $(seq 99 140); do
    [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { display=":$n"; break; }
  done
  Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.05; done
  export DISPLAY="$display"
  echo "startup-bench: started Xvfb on $DISPLAY" >&2
fi
unset WAYLAND_DISPLAY
export ARVIO_EXIT_AFTER_FIRST_FRAME=1

# Each run may take at most this long: a program that never closes is a failure, not a hang.
per_run_timeout=60
names=()
commands=()
if [ "$only" != arvio ]; then
  names+=(hello); commands+=("timeout $per_run_timeout $hello")
  names+=(bare); commands+=("env ARVIO_HELLO_BARE=1 timeout $per_run_timeout $hello")
fi
if [ "$only" != hello ]; then
  names+=(arvio); commands+=("timeout $per_run_timeout $app --guidance rules/default")
fi

# One run each first, so that a program that cannot open its window says why.
for i in "${!names[@]}"; do
  if ! ${commands[$i]} >/dev/null 2>/tmp/startup-bench-$$.err; then
    echo "startup-bench: ${names[$i]} failed:" >&2
    cat /tmp/startup-bench-$$.err >&2
    rm -f /tmp/startup-bench-$$.err
    exit 1
  fi
done
rm -f /tmp/startup-bench-$$.err

# --- measure -----------------------------------------------------------------------------------
declare -A median
if command -v hyperfine >/dev/null; then
  json=$(mktemp)
  args=()
  for i in "${!names[@]}"; do args+=(-n "${names[$i]}" "${commands[$i]}"); done
  hyperfine --warmup 2 --runs "$runs" --export-json "$json" "${args[@]}"
  for name in "${names[@]}"; do
    median[$name]=$(python3 -c '
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    if r["command"] == sys.argv[2]:
        print("%.6f" % r["median"])' "$json" "$name")
  done
  rm -f "$json"
else
  echo "startup-bench: no hyperfine; timing loop of $runs runs each" >&2
  for i in "${!names[@]}"; do
    ${commands[$i]} >/dev/null 2>&1; ${commands[$i]} >/dev/null 2>&1  # warm-up
    times=()
    for _ in $(seq "$runs"); do
      start=$(date +%s%N)
      ${commands[$i]} >/dev/null 2>&1
      end=$(date +%s%N)
      times+=($(( end - start )))
    done
    mid=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.6f", m/1e9}')
    median[${names[$i]}]=$mid
  done
fi

echo
for name in "${names[@]}"; do
  printf 'median start to first frame, %-5s: %7.1f ms\n' "$name" "$(python3 -c "print(${median[$name]} * 1000)")"
done
if [ -n "${median[hello]:-}" ] && [ -n "${median[arvio]:-}" ]; then
  python3 - "${median[arvio]}" "${median[hello]}" "${median[bare]}" <<'EOF'
import sys
arvio, hello, bare = map(float, sys.argv[1:4])
for name, base in (("hello", hello), ("bare", bare)):
    ratio = arvio / base
    print(f"ratio arvio / {name}: {ratio:.2f} (target <= 1.3: {'met' if ratio <= 1.3 else 'NOT met'})")
EOF
fi
