#!/usr/bin/env bash
# Build the release artifacts of TAG into OUT: wheel, public exports (csv, json, ndjson, sqlite, ftm) and a
# zip of the package with SHA256SUMS (releases/ included: kzdata verify proves the unpacked copy).
# Usage: bash scripts/build_release_artifacts.sh v1.0.0 dist
set -euo pipefail
tag="$1"; out="$2"
cd "$(dirname "$0")/.."
kz=".venv/bin/kzdata"
rm -rf "$out" && mkdir -p "$out"
.venv/bin/pip wheel --no-deps -q -w "$out" .
for f in csv json ndjson sqlite ftm; do
  "$kz" export --public --to "$f" -o "$out/kzdata-$tag-public-$f" > /dev/null
done
git archive --format=zip --prefix="kzdata-$tag/" -o "$out/kzdata-$tag-package.zip" HEAD datapackage.json data schemas reference releases LICENSE README.md CHANGELOG.md DATA_POLICY.md
(cd "$out" && find . -type f ! -name SHA256SUMS | sort | xargs sha256sum > SHA256SUMS)
echo "artifacts in $out:"; ls -1 "$out"
