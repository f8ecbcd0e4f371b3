"""Map: people and companies, tiers, goals and warm paths."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.app import Warmline
from assistant.errors import WarmlineError
from assistant.services.network.goals import GoalsResult
from assistant.services.network.service import PathResult
from assistant.services.network.view import CLUSTERS, TABLE_COLUMNS, TIERS, table_rows
from assistant.services.outreach.service import CHANNEL_LIMITS, KINDS
from assistant.ui.figures.network import network_figure

TABLE_ROWS = 500  # the rest is one CSV export away
PATH_COLUMNS = ["#", "Kind", "Ask", "Reach", "Why"]
GOAL_LINES = 5


def intro_kind() -> str:
    """An informational-interview request once outreach has that kind; a check-in until then."""
    return "info-interview" if "info-interview" in KINDS else "checkin"


def goals_markdown(result: GoalsResult) -> str:
    """Who serves each goal and why, the gaps, whom to nurture first."""
    if not result.goals:
        return ("**Goals:** add target companies and roles to your story (Story & Pitch tab) "
                "to see who can help with each.")
    lines = ["#### Goals"]
    for goal in result.goals:
        lines.append(f"\n**{goal.goal}** ({goal.kind})\n")
        for path in goal.direct[:GOAL_LINES]:
            lines.append(f"- {path.why}")
        if goal.gap:
            lines.append(f"- Gap: {goal.gap}")
    if result.nurture:
        lines.append("\n#### Nurture first\n")
        lines += [f"- **{n.person.name}** ({n.person.tier}): {'; '.join(n.reasons)}"
                  for n in result.nurture]
    return "\n".join(lines)


def path_rows(result: PathResult) -> list[list[Any]]:
    """The paths table."""
    return [[i, p.kind, p.ask.name, p.people[-1].name, p.why]
            for i, p in enumerate(result.paths, start=1)]


def path_choices(result: PathResult) -> list[tuple[str, str]]:
    """(label, contact id of the person to ask) for the draft dropdown."""
    return [(f"{i}. ask {p.ask.name} about {p.people[-1].name}", p.ask.id)
            for i, p in enumerate(result.paths, start=1)]


def build(app: Warmline) -> None:
    gr.Markdown("### Network map\nYour people and the companies they work and worked at, by "
                "tier; who serves your goals; and warm paths to where you want to go.")
    with gr.Row():
        cluster = gr.Radio(list(CLUSTERS), value="company", label="Cluster by",
                           elem_id="map-cluster")
        tiers = gr.CheckboxGroup(list(TIERS), value=list(TIERS), label="Tiers",
                                 elem_id="map-tiers")
        text = gr.Textbox(label="Filter", placeholder="a name, company or title",
                          elem_id="map-filter")
        groups = gr.Slider(5, 80, value=25, step=1, label="Groups shown", elem_id="map-groups")
    summary = gr.Markdown(elem_id="map-summary")
    with gr.Row():
        with gr.Column(scale=3):
            plot = gr.Plot(label="Map (camera icon: download as PNG)", elem_id="map-plot")
        with gr.Column(scale=2):
            table = gr.Dataframe(headers=TABLE_COLUMNS, interactive=False, wrap=True,
                                 max_height=560, elem_id="map-table")
            with gr.Row():
                export = gr.Button("Export CSV", elem_id="map-export")
                csv_file = gr.File(label="CSV", interactive=False, elem_id="map-csv")
    goals_md = gr.Markdown(elem_id="map-goals")

    gr.Markdown("#### Warm paths")
    with gr.Row():
        to = gr.Textbox(label="To (a company or a role)", placeholder="Acme Health",
                        elem_id="path-to", scale=3)
        hops = gr.Radio([1, 2, 3], value=2, label="Max hops", elem_id="path-hops")
        find = gr.Button("Find warm paths", variant="primary", elem_id="path-find")
    path_info = gr.Markdown(elem_id="path-info")
    paths = gr.Dataframe(headers=PATH_COLUMNS, interactive=False, wrap=True,
                         elem_id="path-table")
    with gr.Row():
        pick = gr.Dropdown(choices=[], label="Path", elem_id="path-pick", scale=3)
        channel = gr.Dropdown(list(CHANNEL_LIMITS), value="linkedin-dm", label="Channel",
                              elem_id="path-channel")
        draft_btn = gr.Button("Draft intro request", elem_id="path-draft")
    draft_text = gr.Textbox(label="Draft", lines=6, buttons=["copy"], elem_id="path-draft-text")
    draft_info = gr.Markdown(elem_id="path-draft-info")

    def guarded(fn: Any) -> Any:
        def run(*args: Any) -> Any:
            try:
                return fn(*args)
            except WarmlineError as e:
                raise gr.Error(str(e), print_exception=False) from e
        return run

    def on_show(how: str, chosen: list[str], words: str, count: float) -> tuple[Any, ...]:
        view = app.network.view(cluster=how, tiers=list(chosen or []), text=words or "",
                                max_groups=int(count))
        people = app.network.people(tiers=list(chosen or []), text=words or "")
        shown = f" (the first {TABLE_ROWS:,} in the table)" if len(people) > TABLE_ROWS else ""
        return (f"{view.summary}{shown}", network_figure(view),
                table_rows(people[:TABLE_ROWS]), goals_markdown(app.network.goals()))

    def on_export(chosen: list[str], words: str) -> str:
        folder = Path(tempfile.mkdtemp(prefix="warmline-map-"))
        path = folder / "warmline-network.csv"
        path.write_text(app.network.csv(tiers=list(chosen or []), text=words or ""),
                        encoding="utf-8")
        return str(path)

    def on_find(target: str, max_hops: int) -> tuple[Any, ...]:
        result = app.network.path(target or "", max_hops=int(max_hops))
        choices = path_choices(result)
        return (result.message, path_rows(result),
                gr.update(choices=choices, value=choices[0][1] if choices else None))

    def on_draft(contact_id: str | None, where: str) -> tuple[str, str]:
        if not contact_id:
            raise gr.Error("Find warm paths first, then pick one.", print_exception=False)
        draft = app.outreach.draft(intro_kind(), contact_id, where)
        note = f"Note: {draft.notice}\n\n" if draft.notice else ""
        return draft.text, (f"{note}A **{draft.kind}** draft by {draft.engine} "
                            f"({draft.char_count} characters); copy it, edit, send.")

    def api_map() -> dict[str, Any]:
        """The whole network: nodes, edges, tiers, companies and goals."""
        try:
            return app.network.map()
        except WarmlineError as e:
            raise gr.Error(str(e), print_exception=False) from e

    def api_path(to: str, max_hops: int = 2) -> dict[str, Any]:
        """Warm paths to a company or role, best first."""
        try:
            return app.network.path(to, max_hops=int(max_hops)).to_json()
        except WarmlineError as e:
            raise gr.Error(str(e), print_exception=False) from e

    private: dict[str, Any] = {"api_visibility": "private"}
    view_inputs = [cluster, tiers, text, groups]
    view_outputs = [summary, plot, table, goals_md]
    for trigger in (cluster.change, tiers.change, text.submit, groups.release):
        trigger(guarded(on_show), view_inputs, view_outputs, **private)
    export.click(guarded(on_export), [tiers, text], csv_file, **private)
    for trigger in (find.click, to.submit):
        trigger(guarded(on_find), [to, hops], [path_info, paths, pick], **private)
    draft_btn.click(guarded(on_draft), [pick, channel], [draft_text, draft_info], **private)
    gr.api(api_map, api_name="map")
    gr.api(api_path, api_name="path")
    root = gr.context.Context.root_block
    if root is not None:  # draw the map on every page load
        root.load(guarded(on_show), view_inputs, view_outputs, **private)
