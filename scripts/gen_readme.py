"""Generate addons/<addon>/README.rst from the manifest and the readme/*.md fragments
(the OCA layout; oca-gen-addon-readme does the same with more decoration).

    python3 scripts/gen_readme.py [--check] [addons/<addon> ...]
"""

import ast
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SECTIONS = [
    ("DESCRIPTION.md", None),
    ("INSTALL.md", "Installation"),
    ("CONFIGURE.md", "Configuration"),
    ("USAGE.md", "Usage"),
    ("DEVELOP.md", "For developers"),
    ("ROADMAP.md", "Known issues / Roadmap"),
    ("CONTRIBUTORS.md", "Contributors"),
]


def md_to_rst(text):
    lines = []
    for line in text.strip().splitlines():
        line = re.sub(r"(?<!`)`([^`]+)`(?!`)", r"``\1``", line)
        line = re.sub(r"\[([^\]]+)\]\(([^)]+)\)", r"`\1 <\2>`_", line)
        heading = re.match(r"^(#+)\s+(.*)$", line)
        if heading:
            title = heading.group(2)
            lines += [title, title_line(title, "~")]
            continue
        lines.append(line)
    return "\n".join(lines)


def title_line(title, char):
    # East Asian characters are two columns wide; RST wants the underline as long
    width = sum(2 if ord(c) > 0x2E80 else 1 for c in title)
    return char * width


def render(addon_dir):
    manifest = ast.literal_eval(
        (addon_dir / "__manifest__.py").read_text(encoding="utf-8")
    )
    name = manifest["name"]
    out = [title_line(name, "="), name, title_line(name, "="), ""]
    out += [f"*{manifest.get('summary', '')}*", ""]
    out += [f"Version {manifest['version']} · License {manifest['license']}", ""]
    for filename, section in SECTIONS:
        path = addon_dir / "readme" / filename
        if not path.exists():
            continue
        if section:
            out += [section, title_line(section, "="), ""]
        out += [md_to_rst(path.read_text(encoding="utf-8")), ""]
    out += ["Authors", "=======", "", f"- {manifest['author']}", ""]
    return "\n".join(out)


def main(argv):
    check = "--check" in argv
    dirs = [pathlib.Path(a) for a in argv if not a.startswith("--")]
    dirs = dirs or sorted(p.parent for p in (ROOT / "addons").glob("*/__manifest__.py"))
    stale = []
    for addon_dir in dirs:
        target = addon_dir / "README.rst"
        content = render(addon_dir)
        if target.exists() and target.read_text(encoding="utf-8") == content:
            continue
        stale.append(str(target))
        if not check:
            target.write_text(content, encoding="utf-8")
    for path in stale:
        print(("stale: " if check else "written: ") + path)
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
