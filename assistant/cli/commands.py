"""The whole ``warmline`` command tree: every feature's commands, and the team's from a checkout."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import typer

from assistant.cli import coach, contacts, interview, network, outbound, outreach, story, system

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
