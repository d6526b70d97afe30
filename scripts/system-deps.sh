#!/usr/bin/env bash
# System packages Arvio needs on Debian/Ubuntu: the window (X11/Wayland; OpenGL through glow,
# Vulkan through wgpu, each with Mesa's software driver for desks without a GPU)
# and the file dialogs, plus any packages given as arguments. Used by scripts/start.sh and
# .ci/run, so both install the same things. Installs only what is missing: when everything is
# there it neither runs apt-get nor asks for sudo, so starting the app stays quick and offline.
set -euo pipefail
packages=(
  pkg-config
  libxkbcommon-x11-0 libxcursor1 libxrandr2 libxi6 libx11-xcb1 libwayland-client0
  libvulkan1 mesa-vulkan-drivers libgl1 libegl1 libgl1-mesa-dri
  libgtk-3-dev
  fonts-dejavu-core
  "$@"
)
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0
command -v apt-get >/dev/null || { echo "system-deps: missing ${missing[*]} (no apt-get here)" >&2; exit 1; }
echo "system-deps: installing ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
