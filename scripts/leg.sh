#!/usr/bin/env bash
# Run a command inside one QGIS leg: a Debian root file system built by mmdebstrap from Debian's own
# packages (scripts/debian-packages.txt), cached in .build/legs/<leg>/root and rebuilt only when its
# package list or suite changes. This checkout is mounted at the same path inside, so paths agree.
#
# usage: bash scripts/leg.sh LEG COMMAND [ARGS...]
#   LEG  trixie: Debian 13, QGIS 3.40 LTR, GDAL 3.10, numpy 2, Python 3.13
#        sid:    Debian unstable, QGIS 3.44, GDAL 3.13, Python 3.14 (the mirror's Release file is expired)
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
leg="${1:?usage: scripts/leg.sh LEG COMMAND [ARGS...]}"
shift
case "$leg" in
  trixie) suite=trixie; aptopts=() ;;
  sid) suite=sid; aptopts=('--aptopt=Acquire::Check-Valid-Until "false"') ;;
  *) echo "leg.sh: unknown leg '$leg' (trixie or sid)" >&2; exit 2 ;;
esac
[ "$(id -u)" = 0 ] || { echo "leg.sh: needs root (mmdebstrap, chroot and mounts)" >&2; exit 2; }

base="$repo/.build/legs/$leg"
root="$base/root"
mounts=()

unmount_all() {
  local index
  for ((index = ${#mounts[@]} - 1; index >= 0; index--)); do
    umount -R "${mounts[index]}" 2>/dev/null || umount -R -l "${mounts[index]}" 2>/dev/null || true
  done
  mounts=()
  # Anything a killed earlier run left mounted under the root.
  local target
  for target in $(findmnt -rn -o TARGET | grep -F "$root/" | sort -r || true); do
    umount -R -l "$target" 2>/dev/null || true
  done
}
trap unmount_all EXIT
trap 'exit 130' INT TERM

bind() {  # bind SOURCE TARGET [ro]: mounted as a slave, so unmounting inside never reaches the host
  mkdir -p "$2"
  mount --rbind "$1" "$2"
  mount --make-rslave "$2"
  mounts+=("$2")
  if [ "${3:-}" = ro ]; then mount -o remount,bind,ro "$2"; fi
}

mapfile -t packages < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' scripts/debian-packages.txt)
packages+=(ca-certificates)
stamp="$(printf '%s\n' "$suite" "${aptopts[@]}" "${packages[@]}" | sha256sum | cut -c1-16)"
if [ ! -f "$base/stamp" ] || [ "$(cat "$base/stamp")" != "$stamp" ] || [ ! -x "$root/usr/bin/python3" ]; then
  unmount_all
  if command -v mmdebstrap >/dev/null; then :; else
    echo "leg $leg: installing mmdebstrap"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mmdebstrap >/dev/null
  fi
  echo "leg $leg: building the Debian $suite root file system in $root (about 75 s)"
  rm -rf --one-file-system "$base"
  mkdir -p "$base"
  mmdebstrap --quiet --variant=apt --include="$(IFS=,; echo "${packages[*]}")" "${aptopts[@]}" \
    "$suite" "$root"
  echo "$stamp" > "$base/stamp"
fi

# pip inside goes out the way the host's does: its CA bundle, its configuration, its local indexes.
cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
cat /etc/resolv.conf > "$root/etc/resolv.conf"
if [ -f /etc/pip.conf ]; then cp /etc/pip.conf "$root/etc/pip.conf"; fi
if [ -f "$HOME/.config/pip/pip.conf" ]; then
  mkdir -p "$root/root/.config/pip"
  cp "$HOME/.config/pip/pip.conf" "$root/root/.config/pip/pip.conf"
fi

mount -t proc proc "$root/proc"
mounts+=("$root/proc")
bind /dev "$root/dev"
bind /sys "$root/sys"
mkdir -p "$root$repo"
mount --bind "$repo" "$root$repo"  # not recursive: the leg's own mounts under .build stay out
mounts+=("$root$repo")
for folder in $(cat /etc/pip.conf "$HOME/.config/pip/pip.conf" 2>/dev/null | grep -o 'file:///[^ ]*\|/opt/[^ ]*' \
                | sed -e 's|^file://||' -e 's|/simple/*$||' | sort -u) ${PIP_FIND_LINKS:-}; do
  if [ -d "$folder" ] && ! mountpoint -q "$root$folder"; then bind "$folder" "$root$folder" ro; fi
done

environment=(HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8
             "LAIQA_LEG=$leg" "LAIQA_VENV=$base/venv" "CI=${CI:-}")
while IFS= read -r name; do environment+=("$name=${!name}"); done < <(compgen -e | grep -E '^(PIP_|LAIQA_TEST)' || true)
set +e
chroot "$root" /usr/bin/env -i "${environment[@]}" /bin/bash -c 'cd "$1" && shift && exec "$@"' leg "$repo" "$@"
status=$?
set -e
exit "$status"
