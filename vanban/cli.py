"""The ``vanban`` command: a thin layer over the library.

Each feature keeps its commands in ``vanban/commands/<feature>.py`` as a list named
``COMMANDS``; this module only gathers them and turns domain errors into clean exits.
"""
from __future__ import annotations

import importlib
import sys

import click

# Feature modules whose COMMANDS are added to the group, in help order.
COMMAND_MODULES = (
    "vanban.commands.extract",
    "vanban.commands.evaluate",
    "vanban.commands.store",
    "vanban.commands.audit",
    "vanban.commands.status",
    "vanban.commands.serve",
    "vanban.commands.export",
)

# What ``vanban --help`` says of each command: Vietnamese first, then English. The README's
# command table repeats these lines (tests/test_cli_ux.py checks that it does).
SHORT_HELP = {
    "assignments": "Nhiệm vụ giao cho một cơ quan · tasks given to an agency",
    "audit": "Kiểm tra mỗi tổng với các phần của nó · audit budget totals",
    "chain": "Chuỗi căn cứ pháp lý của DOC · DOC's legal bases, transitively",
    "check-bases": "Căn cứ đã hết hiệu lực khi được viện dẫn · bases not in force when cited",
    "cited-by": "Các văn bản trích dẫn DOC · the documents that cite DOC",
    "cites": "Các văn bản DOC trích dẫn · the documents DOC cites",
    "errors": "Các tệp không nạp được · files that could not be loaded",
    "evaluate": "Chấm điểm trích xuất theo gold · score extraction against gold",
    "export": "Xuất dữ liệu ra JSON Lines hoặc CSV · export as JSON lines or CSV",
    "extract": "Trích xuất bản ghi JSON từ tệp · extract document records from files",
    "load": "Nạp tệp, thư mục, glob, .zip vào CSDL · load files into the database",
    "schema": "Lược đồ bản ghi, hoặc các bảng của CSDL · the record's JSON Schema",
    "search": "Tìm toàn văn, có dấu hay không dấu · full-text search",
    "serve": "Xem CSDL trên trình duyệt · browse the database in a web browser",
    "show": "Những gì CSDL có về DOC · what the database holds about DOC",
    "stats": "Tóm tắt CSDL · summarize the database",
    "status": "Tình trạng hiệu lực và lược đồ của DOC · legal status of DOC",
    "unresolved": "Văn bản được trích dẫn mà chưa nạp · cited but not loaded",
}


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="vanban")
def cli() -> None:
    """vanban: văn bản hành chính thành cơ sở dữ liệu có liên kết · Vietnamese official
    documents as a structured, cross-referenced database.

    Commands that read a database take --db PATH (default vanban.db, or $VANBAN_DB);
    those that print data take --json.

    \b
    Examples:
      vanban extract corpus/docs/001_0cdea8a3936c5322.txt
      vanban evaluate corpus/gold
    """
    import_sqlite_utils()


# Imported by sqlite_utils when they are installed, to map their value types to column
# types; the store never writes either, and numpy's import costs more than a query.
_NOT_FOR_SQLITE_UTILS = ("numpy", "pandas")


def import_sqlite_utils() -> None:
    """Import sqlite_utils (every command that opens a database needs it) without numpy and
    pandas; they stay importable for what needs them (spaCy, in extraction)."""
    if "sqlite_utils" in sys.modules or any(name in sys.modules for name in _NOT_FOR_SQLITE_UTILS):
        return
    sys.modules.update(dict.fromkeys(_NOT_FOR_SQLITE_UTILS))
    try:
        importlib.import_module("sqlite_utils")
        # nor its plugins, found by scanning every installed distribution's entry points on
        # the first Database(): the store registers the SQL functions it needs itself
        importlib.import_module("sqlite_utils.plugins")._plugins_loaded = True
    finally:
        for name in _NOT_FOR_SQLITE_UTILS:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]


def _register() -> None:
    for name in COMMAND_MODULES:
        module = importlib.import_module(name)
        for command in module.COMMANDS:
            command.short_help = SHORT_HELP.get(command.name, command.short_help)
            cli.add_command(command)


_register()


def main() -> None:
    # Vietnamese must print correctly whatever the terminal's locale says.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")
        except (AttributeError, ValueError):
            pass
    cli(prog_name="vanban")


if __name__ == "__main__":
    main()
