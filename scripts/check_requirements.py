"""Exit 0 when every requirement of the given files is installed, else list them."""

import sys
from importlib import metadata

try:
    from packaging.requirements import Requirement
except ImportError:  # pragma: no cover - packaging ships with pip/setuptools
    from pip._vendor.packaging.requirements import Requirement


def missing(paths):
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                line = line.split("#", 1)[0].strip()
                if not line or line.startswith("-"):
                    continue
                req = Requirement(line)
                if req.marker and not req.marker.evaluate():
                    continue
                try:
                    version = metadata.version(req.name)
                except metadata.PackageNotFoundError:
                    yield f"{req} (not installed)"
                    continue
                if req.specifier and not req.specifier.contains(
                    version, prereleases=True
                ):
                    yield f"{req} (installed: {version})"


if __name__ == "__main__":
    problems = list(missing(sys.argv[1:]))
    for problem in problems:
        print(problem)
    sys.exit(1 if problems else 0)
