"""Turn any failure into one clear line and a documented exit code (see README)."""

from __future__ import annotations

import sys

import click

from cchc.i18n import tr
from cchc.problems import EXIT_INTERNAL, EXIT_USAGE, CchcError


def run_safely(cli: click.Group, args: list[str] | None = None) -> int:
    """Run ``cli`` standalone-free; returns the exit code instead of raising."""
    from cchc.cli import apply_lang_early

    argv = list(args) if args is not None else sys.argv[1:]
    debug = "--debug" in argv
    apply_lang_early(argv)
    try:
        result = cli.main(args=argv, prog_name="cchc", standalone_mode=False)
        return result if isinstance(result, int) else 0
    except CchcError as exc:
        if debug:
            raise
        click.echo(str(exc), err=True)
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.Abort:
        click.echo(tr("Đã hủy.", "Aborted."), err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return EXIT_USAGE if exc.exit_code == 2 else exc.exit_code
    except KeyboardInterrupt:
        click.echo(tr("Đã hủy.", "Aborted."), err=True)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - last line of defence for users
        if debug:
            raise
        click.echo(
            tr(
                f"lỗi nội bộ của cchc ({type(exc).__name__}: {exc}); chạy lại với --debug và báo lỗi",
                f"internal error in cchc ({type(exc).__name__}: {exc}); rerun with --debug and report it",
            ),
            err=True,
        )
        return EXIT_INTERNAL
