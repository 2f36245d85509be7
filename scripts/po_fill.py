"""Fill untranslated entries of a .po file from a glossary.

    python3 scripts/po_fill.py addons/<addon>/i18n/zh_CN.po glossary.tsv [--list]

The glossary is a tab-separated file: English msgid <TAB> Chinese msgstr, one per line
(``\\n`` for line breaks). ``--list`` prints the msgids still untranslated.
"""

import sys

import polib


def main(po_path, glossary_path=None, list_only=False):
    po = polib.pofile(po_path, wrapwidth=0)
    po.metadata["Language"] = "zh_CN"
    po.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    glossary = {}
    if glossary_path:
        with open(glossary_path, encoding="utf-8") as handle:
            for line in handle:
                line = line.rstrip("\n")
                if not line or line.startswith("#") or "\t" not in line:
                    continue
                source, target = line.split("\t", 1)
                glossary[source.replace("\\n", "\n")] = target.replace("\\n", "\n")
    missing = []
    for entry in po:
        if entry.obsolete or entry.translated():
            continue
        if entry.msgid in glossary:
            entry.msgstr = glossary[entry.msgid]
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        else:
            missing.append(entry.msgid)
    if not list_only:
        po.save(po_path)
    for msgid in missing:
        print(msgid.replace("\n", "\\n"))
    return 1 if missing else 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    sys.exit(main(*args, list_only="--list" in sys.argv))
