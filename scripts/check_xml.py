"""pre-commit hook: every XML file given must be well-formed."""

import sys
import xml.etree.ElementTree as ET

failed = False
for path in sys.argv[1:]:
    try:
        ET.parse(path)
    except ET.ParseError as exc:
        sys.stderr.write(f"{path}: {exc}\n")
        failed = True
sys.exit(1 if failed else 0)
