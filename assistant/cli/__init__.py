"""The ``warmline`` command: a thin edge that turns errors into one clear line."""

from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path

import click
import typer

from assistant.cli import coach, contacts, interview, network, outbound, outreach, story, system
from assistant.cli.common import configure_logging
from assistant.errors import WarmlineError

log = logging.getLogger(__name__)

cli = typer.Typer(
    name="warmline",
    help="Warmline: a local-first networking coach. Offline by default.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
system.register(cli)
outreach.register(cli)
contacts.register(cli)
story.register(cli)
coach.register(cli)
network.register(cli)
interview.register(cli)
outbound.register(cli)

# The team's tooling (``evals/``: eval, eval-retrieval, bench) lives in the source checkout and
# is not part of the wheel; its commands appear only when Warmline runs from a checkout.
CHECKOUT = Path(__file__).resolve().parent.parent.parent
DEV_COMMANDS = ("evals.cli", "evals.bench.cli")


def register_dev_commands(app: typer.Typer, checkout: Path = CHECKOUT) -> bool:
    """Add the eval and bench commands when ``checkout`` holds the evals package."""
    if not ((checkout / "pyproject.toml").is_file()
            and (checkout / "evals" / "__init__.py").is_file()):
        return False
    if str(checkout) not in sys.path:
        sys.path.append(str(checkout))
    for name in DEV_COMMANDS:
        importlib.import_module(name).register(app)
    return True


register_dev_commands(cli)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run a command; never show a user a traceback."""
    logfile = configure_logging()
    try:
        code = cli(args=argv, standalone_mode=False, prog_name="warmline")
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
