"""The Map tab's picture: a plotly network of you, company (or tier) groups and people."""

from __future__ import annotations

import plotly.graph_objects as go

from assistant.services.network.view import MapNode, MapView

TIER_COLORS = {"inner": "#0f766e", "active": "#2563eb", "dormant": "#a3a3a3",
               "aspirational": "#d97706"}
GROUP_COLOR, GOAL_COLOR, OTHER_COLOR, ME_COLOR = "#64748b", "#dc2626", "#cbd5e1", "#111827"
EDGE_STYLES = {"knows": ("#e2e8f0", "solid"), "works-at": ("#94a3b8", "solid"),
               "worked-at": ("#cbd5e1", "dot")}
MAX_LABELLED_GROUPS = 40


def _edge_trace(view: MapView, pos: dict[str, MapNode], kind: str) -> go.Scatter:
    xs: list[float | None] = []
    ys: list[float | None] = []
    for a, b, k in view.edges:
        if k == kind:
            xs += [pos[a].x, pos[b].x, None]
            ys += [pos[a].y, pos[b].y, None]
    color, dash = EDGE_STYLES.get(kind, ("#e2e8f0", "solid"))
    return go.Scatter(x=xs, y=ys, mode="lines", hoverinfo="skip", name=kind,
                      line={"width": 1, "color": color, "dash": dash}, showlegend=False)


def _node_trace(nodes: list[MapNode], name: str, color: str | list[str],
                labels: bool) -> go.Scatter:
    return go.Scatter(
        x=[n.x for n in nodes], y=[n.y for n in nodes], name=name,
        mode="markers+text" if labels else "markers",
        text=[n.label for n in nodes] if labels else None, textposition="top center",
        textfont={"size": 11}, hovertext=[n.hover for n in nodes], hoverinfo="text",
        marker={"size": [n.size for n in nodes], "color": color,
                "line": {"width": 1, "color": "#ffffff"}},
    )


def network_figure(view: MapView) -> go.Figure:
    """Edges under nodes; groups labelled (goal companies in red), people coloured by tier."""
    pos = {n.id: n for n in view.nodes}
    fig = go.Figure()
    for kind in ("knows", "works-at", "worked-at"):
        fig.add_trace(_edge_trace(view, pos, kind))
    groups = [n for n in view.nodes if n.kind == "group"]
    plain = [n for n in groups if not n.goal and not n.tier]
    if plain:
        fig.add_trace(_node_trace(plain, "company", GROUP_COLOR,
                                  len(groups) <= MAX_LABELLED_GROUPS))
    goals = [n for n in groups if n.goal]
    if goals:
        fig.add_trace(_node_trace(goals, "target company", GOAL_COLOR, True))
    tiers = [n for n in groups if n.tier]
    if tiers:
        fig.add_trace(_node_trace(tiers, "tier", [TIER_COLORS.get(n.tier, GROUP_COLOR)
                                                  for n in tiers], True))
    others = [n for n in view.nodes if n.kind == "other"]
    if others:
        fig.add_trace(_node_trace(others, "other (collapsed)", OTHER_COLOR, True))
    for tier, color in TIER_COLORS.items():
        people = [n for n in view.nodes if n.kind == "contact" and n.tier == tier]
        if people:
            fig.add_trace(_node_trace(people, tier, color, False))
    fig.add_trace(_node_trace([n for n in view.nodes if n.kind == "me"], "you", ME_COLOR, True))
    fig.update_layout(
        height=620, margin={"l": 10, "r": 10, "t": 30, "b": 10}, hovermode="closest",
        plot_bgcolor="#ffffff", paper_bgcolor="#ffffff", dragmode="pan",
        legend={"orientation": "h", "y": -0.02},
        xaxis={"visible": False, "scaleanchor": "y"}, yaxis={"visible": False},
    )
    return fig
