# A UTF-8 dataset with one Windows-1252 byte further on, and a page with one: an error at the bad
# byte's line:column for each, nothing published ("geÃ¯soleerd"); a wholly Windows-1252 dataset
# still builds, with the warning.
demo_content
edition=$work/content/2024-q1
csv=$edition/data/wmo/clienten-in-zorg.csv
cp "$csv" "$work/orig.csv"
sed -i '1s/Begeleiding/Begeleiding geïsoleerd/' "$csv"
printf '2024-13;1\xEB;2;3\n' >>"$csv"
line=$(wc -l <"$csv")
sdm check --content "$work/content"
expect_failure "beschadigde UTF-8 in een dataset"
expect_message "wmo/clienten-in-zorg\.csv:$line:10: fout: ongeldig teken: het bestand is geen geldige UTF-8"
grep -q 'Ã' "$work/err" && fail "de melding toont Windows-1252 gelezen als UTF-8"

cp "$work/orig.csv" "$csv"
printf '\nEén cliënt en \xE9\xE9n\n' >>"$edition/wmo.md"
line=$(wc -l <"$edition/wmo.md")
sdm check --content "$work/content"
expect_failure "beschadigde UTF-8 in een pagina"
expect_message "2024-q1/wmo\.md:$line:15: fout: ongeldig teken"

# A plain export from older Excel: wholly Windows-1252, as last quarter's content was.
demo_content
csv=$edition/data/participatie/trede.csv
iconv -f UTF-8 -t WINDOWS-1252 "$csv" >"$work/cp1252.csv" && cp "$work/cp1252.csv" "$csv"
sdm check --content "$work/content"
expect_success
expect_message "trede\.csv: waarschuwing: bestand is geen UTF-8; gelezen als Windows-1252"
