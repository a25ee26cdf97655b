"""Paths to input files: folders walked, globs matched, symbolic links followed once, never in a loop.

The walk is iterative (a folder nested thousands deep costs no recursion) and remembers every
folder it has entered by device and inode, so a link back up the tree (``ln -s . d/x``) is
read once and reported, not followed forever. A link whose target is missing or that loops is
reported as skipped with the reason, never dropped in silence.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import PurePosixPath

from kroscek.model import Skipped

__all__ = ["expand_paths", "shown"]

_GLOB_CHARS = frozenset("*?[")


def shown(path: str) -> str:
    """Return ``path`` as printable text: bytes that are not UTF-8 appear as ``\\xNN`` escapes.

    Python hands such file names over with lone surrogates (PEP 383), which no encoder accepts.
    """
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return path


def _link_problem(path: str) -> str | None:
    """Why ``path`` (a symbolic link that does not resolve to a file or folder) cannot be read."""
    try:
        os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symbolic link loop"
        if error.errno == errno.ENOENT:
            return f"broken symbolic link (target {shown(os.readlink(path))!r} is missing)"
        return error.strerror or str(error)
    return None


def _not_regular(mode: int) -> str:
    """Why a path that is neither a folder nor a regular file is not read (a pipe would block forever)."""
    kind = "named pipe" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "device"
    return f"not a regular file ({kind})"


def _walk(top: str, *, hidden: bool = False, depth: int | None = None) -> Iterator[str | Skipped]:
    """Yield what cannot be read under folder ``top``, then its files, sorted part by part.

    ``depth`` bounds how many folders down the walk goes (None: all the way).
    """
    top_stat = os.stat(top)
    seen = {(top_stat.st_dev, top_stat.st_ino)}
    found: list[str] = []
    problems: list[Skipped] = []
    stack = [(top, 0)]
    while stack:
        folder, level = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as error:
            problems.append(Skipped(shown(folder), f"cannot list folder: {error.strerror or error}"))
            continue
        for entry in entries:
            if not hidden and entry.name.startswith("."):
                continue
            try:
                info = entry.stat()  # follows links
            except OSError:
                problem = _link_problem(entry.path) if entry.is_symlink() else "cannot read file status"
                problems.append(Skipped(shown(entry.path), problem or "cannot read file status"))
                continue
            if stat.S_ISDIR(info.st_mode):
                key = (info.st_dev, info.st_ino)
                if key in seen:
                    if entry.is_symlink():
                        problems.append(Skipped(shown(entry.path), "symbolic link to a folder already read (loop)"))
                    continue
                seen.add(key)
                if depth is None or level < depth:
                    stack.append((entry.path, level + 1))
            elif stat.S_ISREG(info.st_mode):
                found.append(entry.path)
            else:
                problems.append(Skipped(shown(entry.path), _not_regular(info.st_mode)))
    yield from problems
    yield from sorted(found, key=lambda p: p.split(os.sep))


def _glob_base(pattern: str) -> str:
    """The folder a pattern starts from: its leading parts that hold no wildcard."""
    parts = pattern.split("/")
    fixed: list[str] = []
    for part in parts[:-1]:
        if _GLOB_CHARS & set(part):
            break
        fixed.append(part)
    if not fixed:
        return "."
    base = "/".join(fixed)
    return base or "/"


@lru_cache(maxsize=64)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    """A regex for a glob over '/'-separated paths: ``**`` crosses folders, ``*`` and ``?`` do not."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:[^/]*/)*")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif ch == "*":
            out.append("[^/]*")
            i += 1
        elif ch == "?":
            out.append("[^/]")
            i += 1
        elif ch == "[" and (close := pattern.find("]", i + 2)) != -1:
            body = pattern[i + 1 : close]
            negate = body.startswith("!")
            body = body[1:] if negate else body
            out.append(f"[{'^' if negate else ''}{body.replace(chr(92), chr(92) * 2)}]")
            i = close + 1
        else:
            out.append(re.escape(ch))
            i += 1
    return re.compile("".join(out))


def _glob(pattern: str) -> Iterator[str | Skipped]:
    """Yield the files matching ``pattern`` (with ``**``), sorted; hidden names match only when written."""
    base = _glob_base(pattern)
    if not os.path.isdir(base):
        return
    pattern = pattern.removeprefix("./") if base == "." else pattern
    regex = _glob_regex(pattern)
    hidden = "/." in "/" + pattern
    # Without "**" a pattern names its depth: the walk goes no further than that.
    depth = None if "**" in pattern else pattern.count("/") - (0 if base == "." else base.count("/") + 1)
    for item in _walk(base, hidden=hidden, depth=depth):
        if isinstance(item, Skipped):
            yield item
            continue
        candidate = os.path.relpath(item) if base == "." else item
        if regex.fullmatch(candidate):
            yield candidate


def _tidy(items: Iterable[str | Skipped]) -> Iterator[str | Skipped]:
    """Paths in one spelling ("./a//b" is "a/b"), so a file's identity (and its article id) is stable."""
    for item in items:
        yield PurePosixPath(item).as_posix() if isinstance(item, str) else item


def expand_paths(paths: Iterable[str]) -> Iterator[str | Skipped]:
    """Yield file paths (folders walked, globs expanded, sorted), ``-`` for stdin, or Skipped with the reason."""
    for given in paths:
        if given == "-":
            yield given
        elif os.path.isdir(given):
            items = list(_walk(given))
            if not any(isinstance(i, str) for i in items):
                yield Skipped(shown(given), "folder holds no files")
            yield from _tidy(items)
        elif os.path.exists(given):
            mode = os.stat(given).st_mode
            if stat.S_ISREG(mode) or given.startswith("/dev/std"):
                yield from _tidy([given])
            else:
                yield Skipped(shown(given), _not_regular(mode))
        elif os.path.islink(given):
            yield Skipped(shown(given), _link_problem(given) or "cannot read")
        elif _GLOB_CHARS & set(given):
            items = list(_glob(given))
            if not any(isinstance(i, str) for i in items):
                yield Skipped(shown(given), "pattern matches no file")
            yield from _tidy(items)
        else:
            yield Skipped(shown(given), "no such file or folder")
