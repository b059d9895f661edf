#!/usr/bin/env bash
# Re-vendors the front-end assets from the npm registry at pinned versions. Run by hand when
# upgrading; the result is committed, so nothing is fetched when the product runs or is tested.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
cd "$work"
npm pack --silent @navikt/ds-css@8.16.2 @fontsource/source-sans-3@5.3.0 axe-core@4.14.1 htmx.org@2.0.11 >/dev/null
for f in *.tgz; do mkdir -p "${f%.tgz}"; tar xzf "$f" -C "${f%.tgz}"; done
static="$root/src/partnerskap/core/static/vendor"
# Aksel's @font-face rules load Source Sans 3 from NAV's CDN; strip them, fonts.css self-hosts it.
python3 - "$work/navikt-ds-css-8.16.2/package/dist/index.css" "$static/aksel/index.css" <<'PY'
import re, sys
css = open(sys.argv[1]).read()
css = re.sub(r"@font-face\s*\{[^}]*cdn\.nav\.no[^}]*\}\s*", "", css)
header = "/* @navikt/ds-css 8.16.2 (MIT), @font-face rules pointing at NAV's CDN removed: see scripts/vendor-assets.sh */\n"
open(sys.argv[2], "w").write(header + css)
PY
for w in 400-normal 400-italic 600-normal 700-normal; do
  cp "fontsource-source-sans-3-5.3.0/package/files/source-sans-3-latin-$w.woff2" "$static/fonts/"
done
cp fontsource-source-sans-3-5.3.0/package/LICENSE "$static/fonts/LICENSE"
cp htmx.org-2.0.11/package/dist/htmx.min.js "$static/htmx/"
cp axe-core-4.14.1/package/axe.min.js axe-core-4.14.1/package/LICENSE "$root/tests/browser/vendor/"
rm -rf "$work"
echo "vendored into $static and tests/browser/vendor"
