#!/usr/bin/env bash
# Keystroke to presented frame under software rendering (issue 14): Xvfb at 1920x1080, where
# wgpu draws on Mesa's lavapipe (Vulkan) and glow on llvmpipe (OpenGL), as on a virtual desktop
# without a GPU. For each renderer, in one run, the same key is pressed in three programs, each
# window made 1920x1080:
#   bare   a plain eframe window (examples/hello.rs, ARVIO_HELLO_BARE=1: text on the clear colour),
#          the floor of any eframe window; it counts the keys on screen;
#   hello  the same with its text in a CentralPanel, as eframe's own hello-world;
#   arvio  the app mid-call (two reasons, the basics, the red flags denied, the risk factors with
#          the keyboard), the key ticking and unticking a risk factor.
# examples/key_latency.rs sends each press through XTEST and times it to the window's first
# damage (the frame presented). Target: arvio / bare <= 1.5 on the renderer chosen.
# `--programs` adds the windows that show where a software rasteriser's time goes: `spread` (a
# dot in every 64-pixel tile, nothing else) and `linesN` (N lines of 100 characters), both
# without a panel.
#
# Usage: scripts/key-latency-bench.sh [--runs N] [--no-build] [--renderers "wgpu glow"]
#          [--programs "bare spread lines25 hello arvio"]
set -euo pipefail
cd "$(dirname "$0")/.."

runs=60
build=1
renderers="wgpu glow"
programs="bare hello arvio"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --renderers) renderers="$2"; shift 2 ;;
    --programs) programs="$2"; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "key-latency-bench: unknown argument $1" >&2; exit 2 ;;
  esac
done

# --- tools -------------------------------------------------------------------------------------
if ! command -v Xvfb >/dev/null || ! command -v xdotool >/dev/null \
  || ! ldconfig -p 2>/dev/null | grep -q libvulkan_lvp \
  && ! [ -e /usr/share/vulkan/icd.d/lvp_icd.x86_64.json ]; then
  echo "key-latency-bench: installing Xvfb, xdotool and Mesa's software drivers" >&2
  bash scripts/system-deps.sh xvfb xdotool mesa-vulkan-drivers libgl1-mesa-dri xauth \
    || echo "key-latency-bench: could not install everything; going on with what there is" >&2
fi

# --- build -------------------------------------------------------------------------------------
if [ "$build" = 1 ]; then
  cargo build --release --bin arvio --example hello --example key_latency
fi
app=target/release/arvio
hello=target/release/examples/hello
measure=target/release/examples/key_latency

# --- display -----------------------------------------------------------------------------------
for n in $(seq 99 140); do
  [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { display=":$n"; break; }
done
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
program_pid=""
home=$(mktemp -d)
cleanup() {
  [ -n "$program_pid" ] && kill "$program_pid" 2>/dev/null || true
  kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$home"
}
trap cleanup EXIT
for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.05; done
export DISPLAY="$display"
unset WAYLAND_DISPLAY
# A fresh home: no saved settings, no assessment to restore, no log of a real desk.
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config"
export XDG_RUNTIME_DIR="$home/runtime"
mkdir -m 700 "$XDG_RUNTIME_DIR"
export ARVIO_CONFIG="$home/none.ron"

# Starts a program, waits for its window and makes it 1920x1080; prints the window id.
start() {
  "$@" >"$home/program.log" 2>&1 &
  program_pid=$!
  local wid=""
  for _ in $(seq 200); do
    wid=$(xdotool search --onlyvisible --pid "$program_pid" 2>/dev/null | head -1) && [ -n "$wid" ] && break
    sleep 0.05
  done
  [ -n "$wid" ] || { echo "key-latency-bench: no window from $*:" >&2; cat "$home/program.log" >&2; exit 1; }
  xdotool windowmove "$wid" 0 0 windowsize "$wid" 1920 1080
  # No window manager gives the keyboard to a window: XTEST's keys go to the focused one. The
  # pointer rests in the bottom right corner, over no widget.
  xdotool windowfocus "$wid" mousemove 1915 1075
  sleep 1
  echo "$wid"
}

stop() {
  kill "$program_pid" 2>/dev/null || true
  wait "$program_pid" 2>/dev/null || true
  program_pid=""
}

# The app to mid-call by keyboard, as in benches/frame.rs.
to_mid_call() {
  local wid=$1
  xdotool key ctrl+n; sleep 0.3
  for reason in "kurkku kipeä" virtsa; do
    xdotool type --delay 30 "$reason"; sleep 0.2
    xdotool key Return; sleep 0.3
  done
  xdotool key Tab; sleep 0.2
  xdotool type --delay 60 "34v"; sleep 0.2
  xdotool key 1; sleep 0.2   # who called: the client
  xdotool key 1; sleep 0.2   # sex
  xdotool key shift+e; sleep 0.5
}

declare -A median p90
for renderer in $renderers; do
  export ARVIO_RENDERER=$renderer
  for name in $programs; do
    case "$name" in
      bare) wid=$(start env ARVIO_HELLO_BARE=1 "$hello") ;;
      spread) wid=$(start env ARVIO_HELLO_BARE=1 ARVIO_HELLO_SPREAD=1 "$hello") ;;
      lines*) wid=$(start env ARVIO_HELLO_BARE=1 "ARVIO_HELLO_LINES=${name#lines}" "$hello") ;;
      hello) wid=$(start "$hello") ;;
      arvio) wid=$(start "$app" --guidance rules/default); to_mid_call "$wid" ;;
    esac
    out=$("$measure" "$wid" 1 "$runs") || { echo "key-latency-bench: $name ($renderer) failed" >&2; cat "$home/program.log" >&2; exit 1; }
    median[$renderer.$name]=$(sed -n 's/^median_ms=//p' <<<"$out")
    p90[$renderer.$name]=$(sed -n 's/^p90_ms=//p' <<<"$out")
    if [ "$name" = arvio ] && ! import -window root "$home/arvio-$renderer.png" 2>/dev/null; then :; fi
    stop
  done
done

echo
printf '%-6s %-6s %10s %10s\n' renderer program median_ms p90_ms
for renderer in $renderers; do
  for name in $programs; do
    printf '%-8s %-6s %10s %10s\n' "$renderer" "$name" "${median[$renderer.$name]}" "${p90[$renderer.$name]}"
  done
  python3 -c "
a, b = float('${median[$renderer.arvio]}'), float('${median[$renderer.bare]}')
r = a / b
print(f'$renderer: arvio / bare = {r:.2f} (target <= 1.5: {\"met\" if r <= 1.5 else \"NOT met\"})')"
done
