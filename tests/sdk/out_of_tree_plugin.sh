#!/usr/bin/env bash
# The plugin SDK as a third party uses it: install rehearse into a fresh prefix, generate a scorer
# project with tools/new-plugin, build it against the installed package only, and use it in a
# scripted review through the installed program. Usage: out_of_tree_plugin.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir=$1 build_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
# The default collection lives in the throwaway folder, never in the user's own data.
export XDG_DATA_HOME="$work/data"
unset REHEARSE_COLLECTION REHEARSE_PLUGIN_PATH

cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null
rehearse="$work/prefix/bin/rehearse"
[[ -x "$rehearse" ]] || fail "the install has no bin/rehearse"

# The installed program finds its own plugins and decks, not the build tree's.
listing=$("$rehearse" plugins --json 2>&1) || fail "rehearse plugins failed: $listing"
grep -q "\"file\": \"$work/prefix/lib/rehearse/plugins/" <<<"$listing" || fail "installed plugins not found relative to the program: $listing"

"$source_dir/tools/new-plugin" scorer metric_check "$work/metric_check" >/dev/null
# Only the installed package: no path into the source or build tree.
cmake -S "$work/metric_check" -B "$work/metric_check/build" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/metric_check/build" >/dev/null
ctest --test-dir "$work/metric_check/build" --output-on-failure >/dev/null || fail "the generated project's own test failed"

plugin="$work/metric_check/build/plugins/metric_check.so"
"$rehearse" plugins --check "$plugin" | grep -q "metric_check" || fail "plugins --check does not show the new plugin"

collection="$work/collection.db"
run() { "$rehearse" --collection "$collection" --plugin-path "$work/metric_check/build/plugins" --now 2026-03-02T08:00 "$@"; }
run config set scorers metric_check
out=$(printf 'I cut p99 latency by 40%% within two weeks\n\n\nq\n' | run review --deck "My story bank")
grep -q '\[metric_check\] 100/100' <<<"$out" || fail "the scorer's result is not in the review: $out"
grep -q 'a measurable result: "40%"' <<<"$out" || fail "the finding's evidence is missing: $out"
run stats --json | grep -q '"reviews_total": 1' || fail "the answer was not recorded"

# The other kinds generate and build too.
for kind in scheduler source frontend; do
  "$source_dir/tools/new-plugin" "$kind" "my_$kind" "$work/my_$kind" >/dev/null
  cmake -S "$work/my_$kind" -B "$work/my_$kind/build" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
  cmake --build "$work/my_$kind/build" >/dev/null
  ctest --test-dir "$work/my_$kind/build" >/dev/null || fail "the generated $kind project's test failed"
done

# A plugin built for another major API version is refused, naming both versions.
out=$("$rehearse" plugins --check "$build_dir/tests/broken-plugins/wrong_major.so" || true)
grep -qE "was built for plugin API [0-9]+\.[0-9]+; this rehearse supports [0-9]+\.[0-9]+" <<<"$out" || fail "wrong major not refused clearly: $out"
echo "ok"
