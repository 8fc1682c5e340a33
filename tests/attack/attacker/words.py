"""Words: what a figure is about."""

import re
import unicodedata

from .periods import MONTHS

_STOP = {"aantal", "van", "de", "het", "een", "in", "en", "per", "op", "met", "naar", "voor", "bij",
         "totaal", "eindtotaal", "cijfers", "tot", "t", "m", "o", "v", "is", "zijn", "dat", "die",
         "er", "waren", "was", "we", "wij", "door", "als", "ook", "nog", "aan", "om", "kwartaal",
         "halfjaar", "maand", "stand", "eind", "peildatum", "grafiek", "tabel", "herzien", "nu",
         "vorige", "monitor", "deze", "niet", "wel", "of", "te", "uit", "over", "heeft", "hebben",
         "wordt", "worden", "kregen", "gemiddelde", "gemiddeld"} | set(MONTHS)


def _stem(word):
    # Plurals and singulars should meet: uitkeringen/uitkering, cliënten/cliënt.
    if len(word) > 5 and word.endswith("en"):
        return word[:-2]
    if len(word) > 4 and word.endswith("s"):
        return word[:-1]
    return word


def words(text):
    t = unicodedata.normalize("NFKD", text.lower())
    t = "".join(c for c in t if not unicodedata.combining(c))
    out = set()
    for w in re.findall(r"[a-z0-9]+", t):
        if w in _STOP or re.fullmatch(r"(19|20)\d\d", w):
            continue
        out.add(_stem(w))
    return frozenset(out)


def measure(title):
    """The words of what a block counts, without the dimensions it is split by: "Instroom
    uitkeringen per gemeente per kwartaal" counts instroom uitkeringen."""
    return words(re.sub(r"\b(?:per|naar)\s+[\w.]+(?:\s+(?:jeugdigen|inwoners))?", " ", title))


def words_meet(a, b):
    """A word in common, or one word the start of another ("jeugd" and "jeugdhulp")."""
    if a & b:
        return True
    return any(len(x) >= 5 and len(y) >= 5 and (x.startswith(y) or y.startswith(x))
               for x in a for y in b)
