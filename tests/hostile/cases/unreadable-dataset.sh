# A dataset that is there but cannot be read (a folder in its place, or no read permission) is an
# error naming the file, in check and in build, and the published site stays as it was.
demo_content
sdm build --content "$work/content" --out "$work/site"
expect_success
before=$(digest "$work/site")
csv=$work/content/2024-q1/data/wmo/clienten-in-zorg.csv
rm "$csv" && mkdir "$csv"
sdm check --content "$work/content"
expect_failure "check met een map in plaats van een dataset"
expect_message 'wmo/clienten-in-zorg\.csv.*(map|niet te lezen|kan niet)'
sdm build --content "$work/content" --out "$work/site"
expect_failure "build met een map in plaats van een dataset"
[ "$(digest "$work/site")" = "$before" ] || fail "de mislukte build veranderde de site"
