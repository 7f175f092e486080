"""Atomic file writing that keeps a file's mode, follows symlinks and leaves no litter.

:func:`write_bytes_atomic` writes the new content to a temporary file in the target's
folder (the same filesystem, so the final rename is atomic) and renames it over the
target. A failed or killed write never damages the old file, and:

- an existing file keeps its permission bits (a private ``0600`` map stays private); a
  new file gets the ordinary mode (``0666`` less the umask);
- a symlink is written through: its target gets the new content, the link stays a link;
- nothing is left behind by a save killed half way (``kill -9``, power cut): on Linux the
  content is written to an unnamed file (``O_TMPFILE``) that only gets a name, for the
  instant of the rename, once it is complete; elsewhere, and for that instant, the
  temporary file is locked while it is written, and the next save to the same folder
  removes every unlocked leftover (a leftover's writer is gone, since the lock dies with
  its process).

:func:`folder_lock` serialises check-then-write sequences between processes (used to
detect concurrent edits of one map).
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

try:  # POSIX advisory locks; on Windows the lock is a no-op and leftovers are removed by age
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = ["TEMP_MARK", "folder_lock", "real_target", "remove_leftovers", "write_bytes_atomic"]

#: Every temporary file is named ``.<target name>.<TEMP_MARK>-<random>``.
TEMP_MARK = "pmtmp"
#: Without POSIX locks, a temporary file this old (seconds) is taken as a leftover.
_STALE_AGE = 24 * 3600
#: An empty temporary file younger than this (seconds) may not be locked by its writer yet.
_FRESH = 60


def real_target(path: str | os.PathLike) -> Path:
    """The file that writing ``path`` should change: symlinks followed, even dangling ones."""
    return Path(os.path.realpath(os.fspath(path)))


def write_bytes_atomic(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; return ``path`` (not the symlink's target).

    Raises ``OSError`` (nothing changed) when the folder or file cannot be written.
    """
    target = real_target(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target)
    try:
        mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = None
    if not _write_unnamed(target, data, mode):
        _write_named(target, data, mode)
    return Path(path)


def _prepare(fd: int, data: bytes, mode: int | None) -> None:
    if mode is not None and hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
    os.fsync(fd)


def _temp_name(target: Path) -> Path:
    import secrets  # here, not at the top: it loads random and hashlib, slow for commands that only read

    return target.with_name(f".{target.name}.{TEMP_MARK}-{secrets.token_hex(6)}")


def _write_unnamed(target: Path, data: bytes, mode: int | None) -> bool:
    """Linux: write into an ``O_TMPFILE`` file, name it only when complete; False if unsupported."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not os.path.isdir("/proc/self/fd"):
        return False
    try:
        # New files: 0666 less the umask (applied by the kernel); existing: chmod below.
        fd = os.open(target.parent, flag | os.O_WRONLY | os.O_CLOEXEC, 0o600 if mode is not None else 0o666)
    except OSError:
        return False  # filesystem without O_TMPFILE support (NFS, old kernels)
    tmp = None
    try:
        _lock(fd)
        _prepare(fd, data, mode)
        tmp = _temp_name(target)
        try:
            os.link(f"/proc/self/fd/{fd}", tmp)
        except OSError:
            tmp = None
            return False  # e.g. /proc without link support: the named way follows
        os.replace(tmp, target)
        tmp = None
        return True
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        os.close(fd)


def _write_named(target: Path, data: bytes, mode: int | None) -> None:
    tmp = _temp_name(target)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0),
                 0o600 if mode is not None else 0o666)
    try:
        _lock(fd)
        _prepare(fd, data, mode)
        os.close(fd)  # before the rename: Windows cannot rename an open file
        fd = -1
        os.replace(tmp, target)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _lock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def remove_leftovers(target: Path) -> list[Path]:
    """Delete temporary files of earlier, killed writes of ``target``; return those removed.

    A temporary file still being written is locked by its writer and is left alone.
    """
    removed: list[Path] = []
    try:
        candidates = list(target.parent.glob(f".{target.name}.{TEMP_MARK}-*"))
    except OSError:
        return removed
    for tmp in candidates:
        try:
            fd = os.open(tmp, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            continue
        try:
            info = os.fstat(fd)
            if info.st_size == 0 and time.time() - info.st_mtime < _FRESH:
                continue  # perhaps just created, not yet locked by its writer
            if fcntl is not None:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    continue  # its writer is alive
            elif time.time() - info.st_mtime < _STALE_AGE:
                continue
            with contextlib.suppress(OSError):
                os.unlink(tmp)
                removed.append(tmp)
        finally:
            os.close(fd)
    return removed


@contextlib.contextmanager
def folder_lock(path: str | os.PathLike) -> Iterator[None]:
    """Hold an exclusive lock on the folder of ``path`` (its real target) between processes.

    Cooperating writers (map builders) check the file and write it inside this lock, so
    no write slips between one writer's check and its write. A no-op without POSIX locks.
    """
    folder = real_target(path).parent
    folder.mkdir(parents=True, exist_ok=True)
    if fcntl is None:  # pragma: no cover - Windows
        yield
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock
