# The new generation is on the disk before it is swapped in, and the swap after: strace shows a
# sync (syncfs or fsync) before the rename that publishes the site and an fsync after it.
command -v strace >/dev/null || { echo "strace ontbreekt: overgeslagen"; exit 0; }
demo_content
sdm build --content "$work/content" --out "$work/site"
expect_success
for build in eerste volgende; do
  [ $build = eerste ] && rm -rf "$work/site" "$work/.site.reserve"
  strace -f -o "$work/trace" -e trace=fsync,fdatasync,syncfs,rename,renameat,renameat2 \
    "$sdmonitor" build --content "$work/content" --out "$work/site" "${common[@]}" >/dev/null 2>&1 ||
    fail "$build build onder strace mislukt"
  swap=$(grep -n -E 'rename(at2?)?\(.*\.site\.reserve".*"[^"]*/site"' "$work/trace" | tail -1 | cut -d: -f1)
  [ -n "$swap" ] || { cat "$work/trace" >&2; fail "$build build: geen wissel van reservemap en site gevonden"; }
  sync_before=$(head -n "$swap" "$work/trace" | grep -c -E '(syncfs|fsync|fdatasync)\(' || true)
  sync_after=$(tail -n +"$((swap + 1))" "$work/trace" | grep -c -E 'fsync\(' || true)
  [ "$sync_before" -gt 0 ] || { cat "$work/trace" >&2; fail "$build build: geen sync voor de wissel"; }
  [ "$sync_after" -gt 0 ] || { cat "$work/trace" >&2; fail "$build build: geen fsync van de map na de wissel"; }
done
