"""The shape of the code: layers import only downward, edges see only services, no cycles."""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "assistant"

# Lower numbers are lower layers; a module may import its own layer or any lower one.
LAYERS = {
    "assistant.errors": 0, "assistant.domain": 0, "assistant.text": 0, "assistant.settings": 0,
    "assistant.privacy": 0,
    "assistant.importers": 1,
    "assistant.storage": 2, "assistant.llm": 2,
    "assistant.drafting": 3,
    "assistant.services": 4,
    "assistant.app": 5, "assistant.network_reader": 5,
    "assistant.ui": 6, "assistant.cli": 6, "assistant.__main__": 7,
}
EDGES = ("assistant.ui", "assistant.cli")
STORE_ATTRIBUTES = {"stores", "records", "sync", "index", "db"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}
MODULE_NAMES = set(MODULES)


def layer(module: str) -> int | None:
    for prefix in sorted(LAYERS, key=len, reverse=True):
        if module == prefix or module.startswith(prefix + "."):
            return LAYERS[prefix]
    return None


def type_only(tree: ast.AST) -> set[int]:
    """The ids of nodes under ``if TYPE_CHECKING:``: imports for type hints never run."""
    return {id(n) for block in ast.walk(tree) if isinstance(block, ast.If)
            and isinstance(block.test, ast.Name) and block.test.id == "TYPE_CHECKING"
            for stmt in block.body for n in ast.walk(stmt)}


def imports(path: Path, *, runtime_only: bool = False) -> set[str]:
    """Every ``assistant`` module a file imports, at any depth of the file."""
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = type_only(tree) if runtime_only else set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("assistant")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(
                "assistant"):
            # ``from package import submodule`` imports the submodule, not the package's names
            subs = {f"{node.module}.{a.name}" for a in node.names} & MODULE_NAMES
            found |= subs or {node.module}
    return found




def test_every_module_has_a_layer() -> None:
    assert [m for m in MODULES if m != "assistant" and layer(m) is None] == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_only_go_downward(module: str) -> None:
    own = layer(module)
    if own is None:
        return
    upward = [i for i in imports(MODULES[module]) if (layer(i) or 0) > own]
    assert upward == [], f"{module} imports a higher layer"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith(EDGES)))
def test_edges_never_touch_a_store(module: str) -> None:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    assert not [i for i in imports(MODULES[module]) if i.startswith("assistant.storage")]
    reached = {node.attr for node in ast.walk(tree)
               if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
               and node.value.id == "app"}
    assert not reached & STORE_ATTRIBUTES, f"{module} reaches app.{reached & STORE_ATTRIBUTES}"


def test_there_are_no_import_cycles_between_modules() -> None:
    graph: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        graph[module] = {i for i in imports(path, runtime_only=True)
                         if i in MODULES and i != module}
    graphlib.TopologicalSorter(graph).prepare()  # raises CycleError naming the cycle


def test_a_cycle_would_be_found() -> None:
    """The cycle check is not vacuous: a two-module loop is reported."""
    with pytest.raises(graphlib.CycleError):
        graphlib.TopologicalSorter({"a": {"b"}, "b": {"a"}}).prepare()


def test_only_llm_and_the_chroma_store_import_langchain_or_openai() -> None:
    allowed = ("assistant.llm", "assistant.storage.index")
    offenders = []
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        if any(n.split(".")[0].startswith(("langchain", "openai")) for n in names) and not (
                module.startswith(allowed)):
            offenders.append(module)
    assert offenders == []
