"""pre-commit hook: no trailing whitespace, and a final newline in every text file."""

import sys

failed = False
for path in sys.argv[1:]:
    with open(path, "rb") as handle:
        data = handle.read()
    if not data:
        continue
    for number, line in enumerate(data.split(b"\n"), start=1):
        if line.rstrip(b"\r") != line.rstrip(b"\r").rstrip(b" \t"):
            sys.stderr.write(f"{path}:{number}: trailing whitespace\n")
            failed = True
    if not data.endswith(b"\n"):
        sys.stderr.write(f"{path}: no newline at the end of the file\n")
        failed = True
sys.exit(1 if failed else 0)
