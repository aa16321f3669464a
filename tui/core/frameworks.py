"""Loading and validating framework files (``framewheel/framework@1`` YAML).

Files are parsed with PyYAML's safe composer into nodes that keep their line
and column, then checked field by field. Every problem of a file is collected
and reported as ``FILE:LINE:COLUMN: message``; nothing in a file is ever
executed (a ``!!python/...`` tag is just another error).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from tui.core.framework_cache import FrameworkCache, PrivateWrite
from tui.core.model import Framework

DEFAULT_FRAMEWORK_ID = "ahep"
"""The framework the app opens on when none is chosen."""


@dataclass(frozen=True)
class FrameworkProblem:
    """One thing wrong in a framework file, with where it is."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        """``FILE:LINE:COLUMN: message``, the form editors and people can follow."""
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class FrameworkError(Exception):
    """A framework file that cannot be used; carries every problem found."""

    def __init__(self, problems: list[FrameworkProblem]) -> None:
        """Keep the problems; the message lists them one per line."""
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


def parse_framework(text: str, path: str) -> Framework:
    """Parse and validate framework YAML; raise FrameworkError with all problems."""
    import yaml  # loaded only when a file has to be parsed (unchanged files come from the cache)

    from tui.core import schema_checks

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C composer is faster; same nodes
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(part for part in (error.context, error.problem) if part)
        raise FrameworkError([FrameworkProblem(path, line, column, f"YAML syntax: {what}")]) from None
    except yaml.YAMLError as error:
        raise FrameworkError([FrameworkProblem(path, 1, 1, f"YAML: {error}")]) from None
    checker = schema_checks.FrameworkChecker(path)
    framework = checker.check(root)
    if checker.problems or framework is None:
        problems = sorted(checker.problems, key=lambda p: (p.line, p.column))
        raise FrameworkError([FrameworkProblem(path, *p) for p in problems])
    return framework


def load_framework(path: Path | str) -> Framework:
    """Read one framework file; raise FrameworkError (also for unreadable files)."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise FrameworkError([FrameworkProblem(name, 1, 1, f"not UTF-8 text ({error.reason})")]) from None
    except OSError as error:
        raise FrameworkError([FrameworkProblem(name, 1, 1, f"cannot read: {error.strerror}")]) from None
    return parse_framework(text, name)


def validate_files(paths: list[str]) -> list[FrameworkProblem]:
    """Check framework files without using them; the problems of all of them."""
    problems: list[FrameworkProblem] = []
    for path in paths:
        try:
            load_framework(path)
        except FrameworkError as error:
            problems.extend(error.problems)
    return problems


def shipped_framework_files() -> list[Path]:
    """The framework files installed with framewheel, in a stable order."""
    folder = resources.files("frameworks")
    return sorted(Path(str(entry)) for entry in folder.iterdir() if entry.name.endswith((".yaml", ".yml")))


def user_framework_dir() -> Path:
    """Where a user's own framework files live (``<config dir>/framewheel/frameworks``)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir("framewheel", appauthor=False)) / "frameworks"


@dataclass
class FrameworkCatalog:
    """The frameworks available to this run, and the files that were skipped."""

    frameworks: dict[str, Framework] = field(default_factory=dict)
    problems: list[FrameworkProblem] = field(default_factory=list)

    def get(self, framework_id: str) -> Framework | None:
        """The framework with this id, or None."""
        return self.frameworks.get(framework_id)

    def ordered(self) -> list[Framework]:
        """All frameworks, the default first, then by title."""
        return sorted(self.frameworks.values(), key=lambda f: (f.id != DEFAULT_FRAMEWORK_ID, f.title.lower()))

    def add_file(self, path: Path, cache: FrameworkCache | None = None) -> Framework | None:
        """Load one file into the catalog (from the cache when unchanged); a broken file is recorded and skipped."""
        framework = cache.get(path) if cache is not None else None
        if framework is None:
            try:
                framework = load_framework(path)
            except FrameworkError as error:
                self.problems.extend(error.problems)
                return None
            if cache is not None:
                cache.put(path, framework)
        other = self.frameworks.get(framework.id)
        if other is not None and same_file(other.path, framework.path):
            return other  # the same file named twice (e.g. a shipped file given with --framework)
        if other is not None:
            message = f"framework id '{framework.id}' is already used by {other.path}; this file is skipped"
            self.problems.append(FrameworkProblem(str(path), 1, 1, message))
            return None
        self.frameworks[framework.id] = framework
        return framework


def same_file(first: str, second: str) -> bool:
    """True when two paths name one file (``frameworks/aspect.yaml`` and its absolute form)."""
    try:
        return Path(first).resolve() == Path(second).resolve()
    except OSError:
        return first == second


def load_catalog(
    user_dir: Path | None = None, extra: list[Path] | None = None, use_cache: bool = True,
    write_cache: PrivateWrite | None = None,
) -> FrameworkCatalog:
    """Shipped frameworks, then the user's folder, then files named on the command line.

    Valid files that have not changed since they were last read come from the
    framework cache; every other file is parsed and checked in full. The cache is
    written back with ``write_cache`` (``tui.storage.safefile.write_private``) when given.
    """
    catalog = FrameworkCatalog()
    cache = FrameworkCache(write_private=write_cache) if use_cache else None
    for path in shipped_framework_files():
        catalog.add_file(path, cache)
    folder = user_framework_dir() if user_dir is None else user_dir
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix in (".yaml", ".yml") and path.is_file():
                catalog.add_file(path, cache)
    for path in extra or []:
        catalog.add_file(path, cache)
    if cache is not None:
        cache.save()
    return catalog
