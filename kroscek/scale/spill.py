"""Records appended to a file and read back by their place: what a pass keeps on disk instead of in memory."""

from __future__ import annotations

import os
from array import array
from collections.abc import Iterator
from pathlib import Path
from typing import Generic, TypeVar

import msgspec

__all__ = ["Spill"]

_T = TypeVar("_T")


class Spill(Generic[_T]):
    """Records of one type appended to a file as they come and read back by their place: what a
    pile keeps on disk instead of in memory (8 bytes a record stay in memory: where it ends)."""

    def __init__(self, path: Path, kind: type[_T]) -> None:
        self.path = path
        self._file = path.open("w+b")
        self._ends = array("Q")
        self._encode = msgspec.msgpack.Encoder().encode
        self._decode = msgspec.msgpack.Decoder(kind).decode
        self._written = True  # everything appended is in the file, not in its buffer

    def append(self, record: _T) -> int:
        """Write ``record`` at the end; return its place."""
        data = self._encode(record)
        self._file.write(data)
        self._ends.append((self._ends[-1] if self._ends else 0) + len(data))
        self._written = False
        return len(self._ends) - 1

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, place: int) -> _T:
        if not self._written:
            self._file.flush()
            self._written = True
        start = self._ends[place - 1] if place else 0
        return self._decode(os.pread(self._file.fileno(), self._ends[place] - start, start))

    def __iter__(self) -> Iterator[_T]:
        return (self[place] for place in range(len(self)))

    def close(self) -> None:
        self._file.close()
        self.path.unlink(missing_ok=True)
