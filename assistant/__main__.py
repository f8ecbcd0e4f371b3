"""``python -m assistant`` runs the CLI."""

import sys

# Commands that never need the data dir to themselves: they read alongside a running Warmline
# (export, doctor, contacts list, map, path) or do not touch it (the team's evals and benchmarks).
SHARED = ("export", "doctor", "map", "path", "eval", "eval-retrieval", "bench")


def refuse_when_busy(argv: list[str]) -> None:
    """Fail at once, before the slow imports, when a writing command finds the data dir taken.

    The lock itself waits up to 2 s after 1-2 s of imports; a user told "within two seconds"
    gets the answer in a fraction of one.
    """
    words = [a for a in argv if not a.startswith("-")]
    if not words or words[0] in SHARED or words[:2] == ["contacts", "list"]:
        return
    if any(a in ("--help", "-h") for a in argv):
        return
    from assistant.settings import default_home
    from assistant.storage.lock import busy_message, held_elsewhere

    home = default_home()
    if held_elsewhere(home):
        print(f"warmline: {busy_message(home)}", file=sys.stderr)  # noqa: T201 - the CLI edge
        sys.exit(1)


def run() -> None:
    """The ``warmline`` command: the quick busy check, then the CLI."""
    refuse_when_busy(sys.argv[1:])
    from assistant.cli import main

    main()


if __name__ == "__main__":
    run()
