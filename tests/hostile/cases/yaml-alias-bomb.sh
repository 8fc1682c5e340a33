# A "billion laughs" of YAML aliases in editie.yaml, in a dataset entry and in a page's front
# matter: each is refused with a Dutch error at the alias's line:column within seconds and a
# small memory limit, instead of growing to gigabytes.
demo_content
# bomb NAME INDENT: nine levels of nine aliases, each line "NAME<level>: &<level> [...]".
bomb() {
  local name=$1 indent=$2 prev= level
  for level in a b c d e f g h i; do
    if [ -z "$prev" ]; then
      echo "$indent${name}$level: &$level [x, x, x, x, x, x, x, x, x]"
    else
      echo "$indent${name}$level: &$level [*$prev, *$prev, *$prev, *$prev, *$prev, *$prev, *$prev, *$prev, *$prev]"
    fi
    prev=$level
  done
}
# check_capped: sdm check with 20 s and 1 GB of address space at most.
check_capped() {
  status=0
  (ulimit -v 1000000; timeout 20 "$sdmonitor" check --content "$work/content" "${common[@]}") \
    >"$work/out" 2>"$work/err" || status=$?
  [ "$status" != 124 ] || fail "check liep na 20 s nog"
}
edition=$work/content/2024-q1
cp "$edition/editie.yaml" "$work/editie.yaml"
{ cat "$work/editie.yaml"; bomb extra ""; } >"$edition/editie.yaml"
line=$(($(wc -l <"$work/editie.yaml") + 2))
check_capped
expect_failure "alias-bom in editie.yaml"
expect_message "2024-q1/editie\.yaml:$line:[0-9]+: fout: verwijzing '\*a' is niet toegestaan"

# Inside a dataset's entry, under data:.
{ cat "$work/editie.yaml"; echo "  bevolking2.csv:"; echo "    eenheid: aantal"; bomb bron "    "; } \
  >"$edition/editie.yaml"
check_capped
expect_failure "alias-bom onder data:"
expect_message "2024-q1/editie\.yaml:[0-9]+:[0-9]+: fout: verwijzing '\*a'"

# In a page's front matter.
cp "$work/editie.yaml" "$edition/editie.yaml"
{ echo "---"; echo "titel: Bom"; bomb kort ""; echo "---"; echo "Tekst"; } >"$edition/bom.md"
check_capped
expect_failure "alias-bom in de kopgegevens"
expect_message "2024-q1/bom\.md:4:[0-9]+: fout: verwijzing '\*a'"
