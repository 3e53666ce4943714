#!/usr/bin/env bash
# Chromium as a Lotse device: a kiosk at the entrance, a lobby screen, a counter PC.
#
#   deploy/kiosk-chromium.sh [options] URL      prints the command line for that device URL
#   deploy/kiosk-chromium.sh --exec [options] URL   starts it (from a systemd user unit or autostart)
#
# URL is the device's page, e.g. https://lotse.example.org/kiosk or …/display (paired devices: the
# pairing link the admin app shows). Options:
#   --profile DIR    Chromium profile of the device (default ~/.config/lotse-kiosk)
#   --chromium PATH  the browser (default: chromium, else chromium-browser)
#   --window         a normal window instead of full-screen kiosk mode (setting up, testing)
#
# The flags: full screen without exit (--kiosk), sound without a first touch (the lobby screen's gong
# and voice: --autoplay-policy), no pinch zoom and no swipe back/forward on touch screens, no
# translate bar, no "restore pages?" bubble or error dialogs after a power cut, no update nags, timers
# and rendering at full speed while nobody touches the device. With --exec it also keeps the screen
# from blanking (X11: xset) and waits until the server answers before it opens the page.
set -euo pipefail

profile="${HOME:-/tmp}/.config/lotse-kiosk"
browser=""
run=0
kiosk=1
url=""
while [ $# -gt 0 ]; do
  case "$1" in
    --exec) run=1 ;;
    --profile) profile="$2"; shift ;;
    --chromium) browser="$2"; shift ;;
    --window) kiosk=0 ;;
    -h | --help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "Unknown option: $1 (see --help)" >&2; exit 2 ;;
    *) url="$1" ;;
  esac
  shift
done
if [[ ! "$url" =~ ^https?://[^[:space:]]+$ ]]; then
  echo "Name the device's page: $(basename "$0") [--exec] https://lotse.example.org/kiosk" >&2
  exit 2
fi
if [ -z "$browser" ]; then
  browser="$(command -v chromium || command -v chromium-browser || echo /usr/bin/chromium)"
fi

flags=(
  --user-data-dir="$profile"
  --no-first-run
  --noerrdialogs
  --disable-infobars
  --disable-session-crashed-bubble
  --hide-crash-restore-bubble
  --check-for-update-interval=31536000
  --autoplay-policy=no-user-gesture-required
  --disable-pinch
  --overscroll-history-navigation=0
  --disable-features=Translate,TranslateUI,OverscrollHistoryNavigation,TouchpadOverscrollHistoryNavigation
  --disable-translate
  --disable-background-timer-throttling
  --disable-renderer-backgrounding
  --disable-backgrounding-occluded-windows
  --password-store=basic
)
if [ "$kiosk" -eq 1 ]; then flags+=(--kiosk --start-fullscreen); fi
command_line=("$browser" "${flags[@]}" "$url")

if [ "$run" -eq 0 ]; then
  out=""
  for arg in "${command_line[@]}"; do
    if [[ "$arg" =~ ^[A-Za-z0-9_./:=,@%+-]+$ ]]; then out+="$arg "; else out+="$(printf '%q' "$arg") "; fi
  done
  printf '%s\n' "${out% }"
  exit 0
fi

# The screen never sleeps (X11; on Wayland the compositor's idle settings decide, see docs/operations.md).
if [ -n "${DISPLAY:-}" ] && command -v xset >/dev/null 2>&1; then
  xset s off s noblank -dpms || true
fi
# After a power cut the network may come up after the PC: open the page once the server answers,
# so the device does not sit on an error page. Lotse's pages reconnect by themselves afterwards.
origin="$(printf '%s' "$url" | sed -E 's#^(https?://[^/]+).*#\1#')"
if command -v curl >/dev/null 2>&1; then
  until curl -fsS -o /dev/null --max-time 5 "$origin/api/health/live"; do sleep 5; done
fi
mkdir -p "$profile"
# A crash or power cut leaves "exited_cleanly": false behind, which makes Chromium offer to restore.
if [ -f "$profile/Default/Preferences" ]; then
  sed -i 's/"exited_cleanly":false/"exited_cleanly":true/; s/"exit_type":"[^"]*"/"exit_type":"Normal"/' \
    "$profile/Default/Preferences" || true
fi
exec "${command_line[@]}"
