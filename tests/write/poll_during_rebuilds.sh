#!/usr/bin/env bash
# A reader polling the site during 100 rebuilds never sees a missing or mixed page: every read of
# index.html and of a chapter page succeeds and is exactly version A's or version B's page.
set -euo pipefail
sdmonitor=$1 root=$2 work=$3
builds=${POLL_BUILDS:-100}
rm -rf "$work" && mkdir -p "$work"
common=(--templates "$root/site-templates" --assets "$root/assets" --chartjs "$root/node_modules/chart.js/dist/chart.umd.js")

# Two versions of the demo that differ in the text of several pages.
cp -r "$root/content" "$work/a" && cp -r "$root/content" "$work/b"
for page in index jeugd wmo; do
  printf '\nDeze zin staat alleen in versie B van %s.\n' "$page" >>"$work/b/2024-q1/$page.md"
done
sed -i 's/^titel: Participatie$/titel: Participatie (versie B)/' "$work/b/2024-q1/participatie.md"
"$sdmonitor" build --content "$work/a" --out "$work/ref-a" "${common[@]}" >/dev/null
"$sdmonitor" build --content "$work/b" --out "$work/ref-b" "${common[@]}" >/dev/null
pages=(index.html jeugd.html)
for page in "${pages[@]}"; do
  cmp -s "$work/ref-a/$page" "$work/ref-b/$page" && { echo "testopzet: $page is in A en B gelijk"; exit 1; }
done
"$sdmonitor" build --content "$work/a" --out "$work/site" "${common[@]}" >/dev/null

# The reader: reads in the shell itself (no process per read), so it polls thousands of times.
reader() {
  local page text a b reads=0 seen_a=0 seen_b=0
  declare -A ref_a ref_b
  for page in "${pages[@]}"; do
    IFS= read -r -d '' a <"$work/ref-a/$page" || true
    IFS= read -r -d '' b <"$work/ref-b/$page" || true
    ref_a[$page]=$a ref_b[$page]=$b
  done
  while [ ! -e "$work/stop" ]; do
    for page in "${pages[@]}"; do
      text=
      if ! { IFS= read -r -d '' text <"$work/site/$page"; } 2>/dev/null && [ -z "$text" ]; then
        echo "lezing $reads: $page ontbreekt of is leeg" >"$work/reader.fout"
        return 1
      fi
      if [ "$text" == "${ref_a[$page]}" ]; then
        seen_a=$((seen_a + 1))
      elif [ "$text" == "${ref_b[$page]}" ]; then
        seen_b=$((seen_b + 1))
      else
        printf '%s' "$text" >"$work/gelezen-$page"
        echo "lezing $reads: $page is niet die van A of B (zie gelezen-$page)" >"$work/reader.fout"
        return 1
      fi
      reads=$((reads + 1))
    done
  done
  echo "$reads $seen_a $seen_b" >"$work/reader.telling"
}
reader &
reader_pid=$!

status=0
for ((i = 1; i <= builds; i++)); do
  version=$([ $((i % 2)) = 1 ] && echo b || echo a)
  if ! "$sdmonitor" build --content "$work/$version" --out "$work/site" "${common[@]}" >/dev/null; then
    echo "build $i mislukte"; status=1; break
  fi
  kill -0 "$reader_pid" 2>/dev/null || break  # the reader found a problem
done
touch "$work/stop"
wait "$reader_pid" || status=1
[ ! -e "$work/reader.fout" ] || { cat "$work/reader.fout"; exit 1; }
[ "$status" = 0 ] || exit 1

read -r reads seen_a seen_b <"$work/reader.telling"
[ "$seen_a" -gt 0 ] && [ "$seen_b" -gt 0 ] ||
  { echo "de lezer zag niet beide versies (A: $seen_a, B: $seen_b): test zegt niets"; exit 1; }
# After the last build the whole site is exactly that version's.
last=$([ $((builds % 2)) = 1 ] && echo b || echo a)
diff -r "$work/site" "$work/ref-$last" >/dev/null || { echo "site na de laatste build wijkt af van versie $last"; exit 1; }
rm -rf "$work"
echo "$builds builds, $reads lezingen tijdens het bouwen (A: $seen_a, B: $seen_b): nooit een ontbrekende of gemengde pagina"
