"""The ``cchc`` command line: global options, error handling and lazy sub-commands.

Each sub-command lives in ``cchc/commands/<name>.py`` and is imported only when it runs, so
``cchc --help`` and ``cchc --version`` stay fast and never pull in openpyxl or rich tables.
"""

from __future__ import annotations

import importlib
import sys

import click

from cchc import __version__
from cchc.core.i18n import set_lang, tr
from cchc.core.problems import EXIT_INTERNAL, EXIT_USAGE, CchcError

# name -> (module, one-line help in Vietnamese, in English). The help is kept here so that
# listing the commands does not import them.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "validate": ("cchc.commands.validate", "Kiểm tra tệp kế hoạch, danh mục cơ quan, phương pháp, số liệu", "Check plan, agency, methodology and figure files"),
    "schema": ("cchc.commands.schema", "In JSON Schema của các loại tệp (cho trình soạn thảo)", "Print the JSON Schema of a file kind (for editors)"),
    "plans": ("cchc.commands.plans", "Liệt kê các kế hoạch", "List the plans"),
    "show": ("cchc.commands.show", "Xem một kế hoạch hoặc một mục", "Show one plan or item"),
    "agencies": ("cchc.commands.agencies", "Tra cứu cơ quan trong danh mục", "Look up agencies in a registry"),
    "deadline": ("cchc.commands.deadline", "Giải thích cách đọc một thời hạn", "Explain how a deadline phrase is read"),
    "overdue": ("cchc.commands.overdue", "Danh sách nhiệm vụ quá hạn", "List overdue activities"),
    "score": ("cchc.commands.score", "Chấm điểm Chỉ số CCHC và xếp hạng", "PAR Index-style scorecard and ranking"),
    "export": ("cchc.commands.export", "Xuất sổ Excel cho cuộc họp", "Export a meeting workbook to Excel"),
    "indicators": ("cchc.commands.indicators", "Danh sách chỉ tiêu: tử số, mẫu số đếm gì", "List the indicators: what numerator and denominator count"),
    "form": ("cchc.commands.form", "Lập biểu mẫu Excel gửi cơ quan điền", "Make Excel forms for agencies to fill in"),
    "collect": ("cchc.commands.collect", "Thu biểu mẫu đã điền vào reports/", "Collect filled forms into reports/"),
    "units": ("cchc.commands.units", "Danh mục đơn vị hành chính từ 01/7/2025 (tỉnh, xã)", "Administrative units since 1 July 2025 (provinces, communes)"),
    "registry": ("cchc.commands.registry", "Tạo danh mục cơ quan của tỉnh (registry init)", "Draft a province's agency registry (registry init)"),
    "init": ("cchc.commands.init", "Tạo kho dữ liệu CCHC mới cho một tỉnh", "Create a new CCHC repository for a province"),
    "import": ("cchc.commands.import_", "Chuyển bảng kế hoạch (xlsx, docx, txt) thành YAML", "Convert a plan table (xlsx, docx, txt) to YAML"),
    "portal": ("cchc.commands.portal", "Ảnh chụp bảng điểm Bộ chỉ số 766 trên Cổng DVCQG, biến động theo thời gian", "Snapshots of the portal's QĐ 766 index table, changes over time"),
}


class LazyGroup(click.Group):
    """A group whose sub-commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        return importlib.import_module(entry[0]).command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section(tr("Lệnh", "Commands")):
            formatter.write_dl([(name, tr(vi, en)) for name, (_, vi, en) in COMMANDS.items()])


def apply_lang_early(argv: list[str]) -> None:
    """Apply ``--lang`` before click renders help text or its own messages, during parsing."""
    _set_lang_quietly("vi")
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            _set_lang_quietly(argv[i + 1])
        elif arg.startswith("--lang="):
            _set_lang_quietly(arg.split("=", 1)[1])


def _set_lang_quietly(lang: str) -> None:
    from cchc.commands._click_vi import use_language

    try:
        set_lang(lang)
    except ValueError:
        return  # click reports the bad choice itself
    use_language(lang)


@click.group(cls=LazyGroup, help="cchc — máy tính tuân thủ kế hoạch cải cách hành chính (CCHC).\n\ncchc — compliance calculator for administrative-reform (CCHC) plans.")
@click.version_option(__version__, prog_name="cchc", help="In phiên bản rồi thoát / show the version and exit.")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True, help="Ngôn ngữ hiển thị / output language.")
@click.option("--debug", is_flag=True, help="Hiện traceback khi có lỗi / show tracebacks on errors.")
@click.pass_context
def cli(ctx: click.Context, lang: str, debug: bool) -> None:
    set_lang(lang)
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def main() -> None:
    """Console entry point: runs the CLI and turns every failure into one line and an exit code."""
    sys.exit(run_safely(cli))


def run_safely(cli: click.Group, args: list[str] | None = None) -> int:
    """Run ``cli`` standalone-free; returns the exit code instead of raising."""
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
        _silence_stdout()
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


def _silence_stdout() -> None:
    """The reader went away (``cchc overdue | head -1``): end quietly, success, without Python's
    complaint about flushing a closed pipe at exit."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
