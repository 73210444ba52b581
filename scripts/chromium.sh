# Sourced by check-report.sh and check-digest.sh: check_page <page.html> <heading> <width,height> <what>
# opens the page in headless Chromium (Debian's chromium package; installed when missing),
# fails when the browser logs an error or a resource it could not load (nothing comes from the
# network) or when the page lacks its <h1> heading, and takes a screenshot beside it
# (screenshot.png). Exits 1 when the page does not render cleanly, 3 when Chromium cannot be
# installed.
check_page() {
  local page="$1" heading="$2" size="$3" what="$4"
  page="$(cd "$(dirname "$page")" && pwd)/$(basename "$page")"
  if ! command -v chromium >/dev/null; then
    echo "installing Chromium (Debian package chromium)" >&2
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq chromium; } >&2 || { echo "cannot install Chromium" >&2; exit 3; }
  fi
  local profile
  profile="$(mktemp -d)"
  trap "rm -rf '$profile'" EXIT
  local flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$profile" --enable-logging=stderr --v=0)
  local dom screenshot problems
  dom="$(chromium "${flags[@]}" --dump-dom "file://$page" 2>"$profile/console.log")"
  screenshot="$(dirname "$page")/screenshot.png"
  chromium "${flags[@]}" --window-size="$size" --screenshot="$screenshot" "file://$page" 2>>"$profile/console.log" >/dev/null
  problems="$(grep -E 'CONSOLE|Uncaught|Failed to load resource|net::ERR' "$profile/console.log" || true)"
  if [[ -n "$problems" ]]; then
    echo "the $what logged errors in the browser:" >&2
    echo "$problems" >&2
    exit 1
  fi
  grep -q "<h1>$heading" <<<"$dom" || { echo "the $what did not render its heading" >&2; exit 1; }
  [[ -s "$screenshot" ]] || { echo "no screenshot was taken" >&2; exit 1; }
  echo "rendered $page without errors; screenshot: $screenshot"
}
