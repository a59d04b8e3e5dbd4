#!/usr/bin/env bash
# Builds the npm package of the embeddable widget and packs it:
#
#   bash scripts/pack.sh [OUT]     (default OUT: dist)
#
# OUT/npm/ is the package folder (its own package.json: the repository's
# package.json stays private, for development); OUT/corroborate-compare-<v>.tgz
# is the tarball from `npm pack`, its path printed on the last line.
# Uses the wasm already in www/pkg/ (built by scripts/build-wasm.sh when
# missing). Idempotent; works offline.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
OUT="${1:-dist}"
case "$OUT" in /*) ;; *) OUT="$ROOT/$OUT" ;; esac
PKG="$OUT/npm"

if [ ! -f www/pkg/corroborate_bg.wasm ] || [ ! -f www/pkg/corroborate.js ]; then
  bash scripts/build-wasm.sh
fi

say "assembling $PKG"
rm -rf "$PKG"
mkdir -p "$PKG/pkg" "$PKG/widget" "$PKG/ui" "$PKG/types" "$PKG/lang"
cp www/corroborate-widget.js www/worker.js www/embed.html www/embed-resize.js "$PKG/"
cp www/widget/*.js www/widget/*.css "$PKG/widget/"
# every rendering module but the page's own storage
for f in www/ui/*.js www/ui/ui.css; do
  [ "$(basename "$f")" = store.js ] || cp "$f" "$PKG/ui/"
done
cp www/pkg/corroborate.js www/pkg/corroborate_bg.wasm www/pkg/corroborate.d.ts "$PKG/pkg/"
cp types/report.d.ts "$PKG/pkg/report.d.ts"
# the language packs the worker fetches next to itself (lang/<code>.bin)
node scripts/build-packs.mjs "$PKG/lang" >/dev/null
cp types/report.d.ts types/widget.d.ts "$PKG/types/"
cp docs/embed.md "$PKG/README.md"

node - "$PKG" <<'EOF'
const fs = require('fs');
const path = require('path');
const dir = process.argv[2];
const root = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const pkg = {
  name: 'corroborate-compare',
  version: root.version,
  description: 'Embeddable <corroborate-compare> element and iframe: compare news articles in the reader\'s browser (Rust + WebAssembly, nothing uploaded).',
  license: root.license,
  type: 'module',
  main: './corroborate-widget.js',
  module: './corroborate-widget.js',
  types: './types/widget.d.ts',
  exports: {
    '.': { types: './types/widget.d.ts', default: './corroborate-widget.js' },
    './element': { types: './types/widget.d.ts', default: './widget/element.js' },
    './report': { types: './types/report.d.ts' },
    './embed.html': './embed.html',
    './embed-resize.js': './embed-resize.js',
    './package.json': './package.json',
    './*': './*',
  },
  sideEffects: ['./corroborate-widget.js', './widget/embed.js', './embed-resize.js'],
  files: ['corroborate-widget.js', 'worker.js', 'embed.html', 'embed-resize.js', 'widget/', 'ui/', 'pkg/', 'lang/', 'types/', 'README.md'],
  keywords: ['news', 'journalism', 'comparison', 'web-component', 'custom-element', 'webassembly', 'embed'],
  engines: root.engines,
};
fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
EOF

# The shipped JS minified (terser; the repository keeps the readable source,
# the glue in pkg/ is left as wasm-bindgen wrote it), then a syntax check.
say "minifying the widget's JS"
node scripts/minify.mjs "$PKG" >&2
find "$PKG" -name '*.js' -not -path "$PKG/pkg/*" -print0 | while IFS= read -r -d '' f; do
  node --check "$f" || die "minifying broke $f"
done

say "the widget's own JS over the core (pkg/)"
node scripts/widget-size.mjs "$PKG" | tail -n 2 >&2

say "npm pack"
tarball=$(cd "$PKG" && npm pack --silent --pack-destination "$OUT" 2>/dev/null | tail -n 1)
[ -n "$tarball" ] && [ -f "$OUT/$tarball" ] || die "npm pack produced no tarball"
say "$(du -k "$OUT/$tarball" | cut -f1) KB: $OUT/$tarball"
echo "$OUT/$tarball"
