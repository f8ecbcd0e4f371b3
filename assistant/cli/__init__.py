"""The ``warmline`` command: a thin edge that turns errors into one clear line."""

from __future__ import annotations

import importlib
import logging
import sys

import click
import typer

from assistant.cli.common import configure_logging
from assistant.errors import WarmlineError

log = logging.getLogger(__name__)

# Commands whose module alone answers them: loading only that module (not every feature's
# services, LangChain and Chroma) makes ``warmline map`` start in a fraction of the time.
ONE_MODULE = {"map": "assistant.cli.network", "path": "assistant.cli.network"}


def command_tree(argv: list[str]) -> typer.Typer:
    """The commands needed for ``argv``: one module's for the quick ones, otherwise all."""
    words = [a for a in argv if not a.startswith("-")]
    module = ONE_MODULE.get(words[0]) if words else None
    if module is None:
        from assistant.cli.commands import cli

        return cli
    tree = typer.Typer(name="warmline", add_completion=False, pretty_exceptions_enable=False)
    importlib.import_module(module).register(tree)
    return tree


def main(argv: list[str] | None = None) -> None:
    """Entry point: run a command; never show a user a traceback."""
    logfile = configure_logging()
    try:
        args = sys.argv[1:] if argv is None else argv
        code = command_tree(args)(args=args, standalone_mode=False, prog_name="warmline")
        if isinstance(code, int) and code:  # without standalone mode, typer.Exit(n) returns n
            sys.exit(code)
    except (click.exceptions.Exit, typer.Exit) as e:
        sys.exit(e.exit_code)
    except (click.exceptions.Abort, typer.Abort):
        print("warmline: aborted", file=sys.stderr)
        sys.exit(130)
    except (click.ClickException, typer.TyperException) as e:  # Typer vendors its own Click
        show = getattr(e, "show", None)  # a usage error prints the usage line and the problem
        if show is not None:
            show()
        else:
            print(f"warmline: {e.format_message()}", file=sys.stderr)
        sys.exit(e.exit_code)
    except WarmlineError as e:
        print(f"warmline: {e}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("warmline: interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as e:  # the last line of defence: one line, details in the log
        log.exception("unexpected error")
        print(f"warmline: unexpected error ({type(e).__name__}: {e}); details in {logfile}",
              file=sys.stderr)
        sys.exit(2)
