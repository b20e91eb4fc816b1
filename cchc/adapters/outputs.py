"""Every file cchc writes goes through here: one overwrite policy and one atomic writer.

Policy, checked before any work is done:

* the name must end in a suffix that matches what is written (``.xlsx`` for a workbook, ``.csv``
  for CSV …);
* never an input of the same run (``cchc import a.xlsx -o a.xlsx`` would replace the source);
* an existing file is replaced only with ``--force`` or when cchc wrote it (``owned``);
* the folder must exist (or be creatable, for ``create_parents``) and be writable.

Writing: a temporary file in the same folder, flushed and synced, then renamed over the target, so a
reader sees the old file or the new one, never half of one; the new file gets the permissions the
user's umask gives any new file. Every failure is a one-line error with exit code 2.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from cchc.core.i18n import tr
from cchc.core.problems import EXIT_USAGE, CchcError

DATA_SUFFIXES = (".yaml", ".yml", ".csv", ".xlsx", ".docx", ".txt", ".tsv")  # what an input folder is read for


def _refuse(vi: str, en: str) -> CchcError:
    return CchcError(tr(vi, en), EXIT_USAGE)


def check_output(
    path: Path,
    suffixes: tuple[str, ...],
    force: bool = False,
    inputs: Iterable[Path] = (),
    owned: Callable[[Path], bool] | None = None,
    create_parents: bool = False,
) -> None:
    """Refuse a target the policy above does not allow; call before any work."""
    if path.suffix.lower() not in suffixes:
        wanted = " / ".join(suffixes)
        raise _refuse(f"'{path}': tên tệp phải có đuôi {wanted}", f"'{path}': the file name must end in {wanted}")
    if path.is_dir():
        raise _refuse(f"'{path}' là một thư mục", f"'{path}' is a folder")
    target = path.resolve()
    for source in inputs:
        read_here = source.is_dir() and source.resolve() in target.parents and path.exists() and path.suffix.lower() in DATA_SUFFIXES
        if source.exists() and (source.resolve() == target or read_here):
            raise _refuse(f"'{path}' là tệp đầu vào của lệnh này; hãy ghi ra tệp khác", f"'{path}' is an input of this command; write to another file")
    folder = path.parent
    if not folder.is_dir() and not create_parents:
        raise _refuse(f"không có thư mục '{folder}' để ghi '{path.name}'", f"no folder '{folder}' to write '{path.name}' in")
    if path.exists() and not force and not (owned is not None and owned(path)):
        raise _refuse(
            f"'{path}' đã có; thêm --force để ghi đè",
            f"'{path}' already exists; pass --force to replace it",
        )


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: Path, data: bytes | str | Callable[[BinaryIO], None], create_parents: bool = False) -> None:
    """Write ``data`` (bytes, text as UTF-8, or a function writing to a binary stream) to ``path`` whole."""
    try:
        if create_parents:
            path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
        with open(temporary, "xb") as out:
            try:
                if callable(data):
                    data(out)
                else:
                    out.write(data.encode("utf-8") if isinstance(data, str) else data)
                out.flush()
                os.fsync(out.fileno())
            except BaseException:
                temporary.unlink(missing_ok=True)
                raise
        os.chmod(temporary, _new_file_mode())
        os.replace(temporary, path)
    except OSError as exc:
        leftover = locals().get("temporary")
        if isinstance(leftover, Path):
            leftover.unlink(missing_ok=True)
        raise _refuse(f"không ghi được '{path}': {exc.strerror or exc}", f"cannot write '{path}': {exc.strerror or exc}") from exc


def write_files_atomically(files: dict[Path, bytes | str]) -> None:
    """Write several files as one batch: every temporary file is complete before the first rename,
    so a failure while writing leaves every target as it was."""
    staged: list[tuple[Path, Path]] = []
    mode = _new_file_mode()
    try:
        for path, data in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
            staged.append((temporary, path))
            with open(temporary, "xb") as out:
                out.write(data.encode("utf-8") if isinstance(data, str) else data)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temporary, mode)
        for temporary, path in staged:
            os.replace(temporary, path)
    except OSError as exc:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise _refuse(f"không ghi được: {exc.strerror or exc}", f"cannot write: {exc.strerror or exc}") from exc
