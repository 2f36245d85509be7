"""Generate addons/<addon>/README.rst from the manifest and the readme/*.md fragments
(the OCA layout; oca-gen-addon-readme does the same with more decoration).

    python3 scripts/gen_readme.py [--check] [addons/<addon> ...]
"""

import ast
import pathlib
import re
import sys
from unicodedata import category

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


LIST_ITEM = re.compile(r"^( *)([-*+]|\d+[.)]) +(\S.*)$")
FENCE = re.compile(r"^ *(```+|~~~+) *[\w+-]* *$")
HEADING = re.compile(r"^ {0,3}(#{1,6}) +(.*?)(?: +#+)? *$")
RULE = re.compile(r"^ {0,3}([-*_])( *\1){2,} *$")
SETEXT = re.compile(r"^ {0,3}(=+|-+) *$")  # under a paragraph line: heading 1 or 2
# underline characters of the fragments' heading levels, shallowest first: below the
# document title (= over and under) and the sections (= under) the generator writes
SUB_TITLE_CHARS = "-~^\"'"
# RST inline markup must follow / be followed by one of these (or the Unicode
# punctuation categories below), else it is text or a "start-string without end-string"
OPEN_OK, OPEN_CATEGORIES = " '\"([{<-/:", ("Ps", "Pi", "Pf", "Pd", "Po")
CLOSE_OK, CLOSE_CATEGORIES = " '\")]}>-/:.,;!?\\", ("Pe", "Pi", "Pf", "Pd", "Po")
INLINE = re.compile(r"(`+)(.+?)\1|\[([^\]]+)\]\(([^)\s]+)\)")


def escape(text):
    """Escape what docutils would read as markup in plain Markdown text."""
    text = text.replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`")
    # word_ and word__ are references in RST, _word a target
    return re.sub(r"(?<=\w)_+(?=\W|$)|(?<!\w)_+(?=\w)", lambda m: "\\" + m[0], text)


def inline(text):
    """Markdown inline markup of one line to RST: code spans, links, escapes
    (emphasis and strong emphasis are written the same way in both)."""
    out, pos = [], 0
    for match in INLINE.finditer(text):
        out.append(escape(text[pos : match.start()]))
        before, after = text[match.start() - 1 : match.start()], text[match.end() :][:1]
        if before and before not in OPEN_OK and category(before) not in OPEN_CATEGORIES:
            out.append("\\ ")  # an escaped space separates markup and is dropped
        if match[1]:
            out.append(f"``{match[2].strip()}``" if match[2].strip() else "")
        else:
            out.append(f"`{escape(match[3])} <{match[4]}>`__")
        if after and after not in CLOSE_OK and category(after) not in CLOSE_CATEGORIES:
            out.append("\\ ")
        pos = match.end()
    out.append(escape(text[pos:]))
    return "".join(out)


def _name(title):
    return " ".join(title.lower().split())  # how docutils names a title's target


def _setext_title(line):
    """Whether ``line`` followed by ===/--- is a (setext) Markdown heading."""
    return bool(line.strip()) and not (
        line.startswith("    ")
        or LIST_ITEM.match(line)
        or HEADING.match(line)
        or FENCE.match(line)
        or RULE.match(line)
    )


def _heading_levels(lines):
    """The Markdown heading levels (1 for #) used outside code blocks, sorted."""
    levels, fenced = set(), False
    for previous, line in zip([""] + lines, lines, strict=False):
        fenced ^= bool(FENCE.match(line))
        if not fenced and (m := HEADING.match(line)):
            levels.add(len(m[1]))
        elif not fenced and SETEXT.match(line) and _setext_title(previous):
            levels.add(1 if "=" in line else 2)
    return sorted(levels)


class _Converter:
    """State of md_to_rst: the RST lines written, the list items and code block open."""

    def __init__(self, used_titles, qualifier, title_chars, levels):
        self.used_titles, self.qualifier = used_titles, qualifier
        self.title_chars, self.levels = title_chars, levels
        self.out = []
        # open list items: [Markdown marker indent, Markdown content indent,
        # RST content column, number of an ordered item or None]
        self.stack = []
        self.fence = None  # inside a code block: (fence, Markdown indent, RST column)
        self.in_text = False  # the previous line was paragraph text

    def blank(self):
        if self.out and self.out[-1]:
            self.out.append("")

    def column(self):
        return self.stack[-1][2] if self.stack else 0

    def close(self, indent):
        """Close the list items whose content starts right of ``indent``."""
        while self.stack and indent < self.stack[-1][1]:
            self.stack.pop()
            self.blank()  # a list ends: RST wants a blank line after it

    def line(self, previous, line):
        line = line.expandtabs(4).rstrip()
        indent = len(line) - len(line.lstrip())
        if self.fence:
            self.code(line, indent)
        elif not line:
            self.blank()
            self.in_text = False
        elif m := FENCE.match(line):
            self.close(indent)
            self.blank()
            self.out += [" " * self.column() + "::", ""]
            self.fence = (m[1], indent, self.column())
            self.in_text = False
        elif HEADING.match(line) or RULE.match(line) or SETEXT.match(line):
            self.heading(previous, line)
        elif item := LIST_ITEM.match(line):
            self.list_item(line, indent, item)
        else:
            if not (self.in_text and indent == 0):  # else a lazy continuation line
                depth = len(self.stack)
                self.close(indent)
                if not self.in_text or len(self.stack) != depth:
                    self.blank()  # a new paragraph
            self.out.append(" " * self.column() + inline(line.strip()))
            self.in_text = True

    def code(self, line, indent):
        fence, md_indent, column = self.fence
        if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
            self.fence = None
            self.blank()
        else:
            body = line[min(indent, md_indent) :]
            self.out.append(" " * (column + 4) + body if body else "")

    def heading(self, previous, line):
        m = HEADING.match(line)
        if m:
            level, title = len(m[1]), inline(m[2])
        elif SETEXT.match(line) and self.in_text and not self.stack:
            if not _setext_title(previous):
                return self.heading("", "---")
            text_lines = []  # the title, written as a paragraph so far
            while self.out and self.out[-1]:
                text_lines.insert(0, self.out.pop().strip())
            level, title = (1 if "=" in line else 2), " ".join(text_lines)
        else:
            level = None  # a horizontal rule: RST transitions may not end sections
        self.stack.clear()
        self.blank()
        self.in_text = False
        if level is None:
            return
        # every title is an implicit target: two with the same name give a message
        if _name(title) in self.used_titles and self.qualifier:
            title = f"{title} ({self.qualifier})"
        base, n = title, 2
        while _name(title) in self.used_titles:
            title, n = f"{base} ({n})", n + 1
        self.used_titles.add(_name(title))
        chars = self.title_chars
        char = chars[min(self.levels.index(level), len(chars) - 1)]
        self.out += [title, title_line(title, char), ""]

    def list_item(self, line, indent, item):
        stack = self.stack
        while stack and indent < stack[-1][0]:
            stack.pop()
            self.blank()  # a list ends: RST wants a blank line after it
        ordered = item[2][0].isdigit()
        if stack and indent <= stack[-1][0] + 1 and ordered == bool(stack[-1][3]):
            number = stack.pop()[3]  # the next item of the same list
            number = number + 1 if number else None
        else:
            if stack and indent <= stack[-1][0] + 1:
                stack.pop()  # a list of the other kind follows
            self.blank()  # a new list, maybe nested: RST wants a blank line before it
            number = 1 if ordered else None  # RST reports other start values
        column = self.column()
        marker = f"{number}{item[2][-1]}" if number else "-"
        self.out.append(" " * column + marker + " " + inline(item[3]))
        stack.append(
            [indent, len(line) - len(item[3]), column + len(marker) + 1, number]
        )
        self.in_text = True


def md_to_rst(text, used_titles=None, qualifier="", title_chars=SUB_TITLE_CHARS):
    """Markdown subset (headings, paragraphs, nested lists, fenced code, emphasis,
    code spans, links) to reStructuredText that docutils parses without a message.

    Heading levels map to ``title_chars`` in the order of depth found in the fragment.
    ``used_titles``: target names of the titles already written; a repeated title
    gets " (qualifier)" so that no two sections have the same implicit target.
    """
    lines = text.strip("\n").splitlines()
    used_titles = set() if used_titles is None else used_titles
    converter = _Converter(used_titles, qualifier, title_chars, _heading_levels(lines))
    for previous, line in zip([""] + lines, lines, strict=False):
        converter.line(previous, line)
    return "\n".join(converter.out).strip("\n")


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
    titles = {_name(name), "authors"} | {_name(s) for _f, s in SECTIONS if s}
    for filename, section in SECTIONS:
        path = addon_dir / "readme" / filename
        if not path.exists():
            continue
        if section:
            out += [section, title_line(section, "="), ""]
        text = path.read_text(encoding="utf-8")
        # headings of the description are sections beside Configuration, Usage...
        chars = SUB_TITLE_CHARS if section else "=" + SUB_TITLE_CHARS
        out += [md_to_rst(text, titles, section or name, chars), ""]
    out += ["Authors", "=======", "", f"- {manifest['author']}", ""]
    return "\n".join(out)


def docutils_messages(rst):
    """The system messages docutils reports on ``rst`` rendered as Odoo does for an
    addon's description (ir.module.module._get_desc: every one is logged, INFO too)."""
    import io

    from docutils import nodes
    from docutils.core import publish_string
    from docutils.transforms import Transform
    from docutils.writers.html4css1 import Writer

    messages = []

    class CollectMessages(Transform):
        default_priority = 870  # Odoo's MyFilterMessages

        def apply(self):
            for node in list(self.document.findall(nodes.system_message)):
                text = node[0].astext() if len(node) else node.astext()
                messages.append(
                    f"line {node.get('line', '?')}: {node['type']}: "
                    + " ".join(text.split())
                )
                node.parent.remove(node)

    class CollectingWriter(Writer):
        def get_transforms(self):
            return [CollectMessages]

    overrides = {  # Odoo's, plus: nothing on stderr, never stop on an error
        "embed_stylesheet": False,
        "doctitle_xform": False,
        "output_encoding": "unicode",
        "xml_declaration": False,
        "file_insertion_enabled": False,
        "warning_stream": io.StringIO(),
        "halt_level": 5,
    }
    publish_string(rst, writer=CollectingWriter(), settings_overrides=overrides)
    return messages


def main(argv):
    """Write the README.rst files (--check: only say which are stale). Either way,
    fail when docutils reports anything on a generated README.rst."""
    check = "--check" in argv
    dirs = [pathlib.Path(a) for a in argv if not a.startswith("--")]
    dirs = dirs or sorted(p.parent for p in (ROOT / "addons").glob("*/__manifest__.py"))
    try:
        import docutils  # noqa: F401  (Odoo depends on it)
    except ImportError:
        docutils = None
        print("docutils is not installed: README.rst not validated", file=sys.stderr)
    stale, invalid = [], 0
    for addon_dir in dirs:
        target = addon_dir / "README.rst"
        content = render(addon_dir)
        for message in docutils_messages(content) if docutils else []:
            print(f"{target}: {message}")
            invalid += 1
        if target.exists() and target.read_text(encoding="utf-8") == content:
            continue
        stale.append(str(target))
        if not check:
            target.write_text(content, encoding="utf-8")
    for path in stale:
        print(("stale: " if check else "written: ") + path)
    return 1 if (check and stale) or invalid or (check and not docutils) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
