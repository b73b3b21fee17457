"""The package's layout (issue 12): no import cycle among its modules, no module importing
another module's private name (one starting with an underscore), ``rules`` a leaf, extraction
free of the rules, and the ledger a store that neither consolidates nor applies rules.

Imports are read from the source (``ast``): those a module runs when it is loaded, at its top
level (an import inside a function runs on first use, and one under ``if TYPE_CHECKING`` never)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "src" / "treatywatch"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _absolute(module: str, is_package: bool, level: int, name: str | None) -> str:
    if level == 0:
        return name or ""
    base = module.split(".")
    base = base if is_package else base[:-1]
    base = base[:len(base) - (level - 1)]
    return ".".join(base + ([name] if name else []))


def _top_level(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Imports run when the module loads: at top level, in try/if blocks, not under TYPE_CHECKING."""
    out: list[ast.Import | ast.ImportFrom] = []

    def walk(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                out.append(node)
            elif isinstance(node, ast.If):
                if not (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"):
                    walk(node.body)
                walk(node.orelse)
            elif isinstance(node, ast.Try):
                walk(node.body)
                for handler in node.handlers:
                    walk(handler.body)
                walk(node.orelse)
                walk(node.finalbody)

    walk(tree.body)
    return out


def _type_checking_only(tree: ast.Module) -> set[int]:
    """The ids of the nodes under ``if TYPE_CHECKING`` (imports for annotations, never run)."""
    return {id(inner) for node in ast.walk(tree)
            if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"
            for stmt in node.body for inner in ast.walk(stmt)}


def _imports() -> tuple[dict[str, set[str]], list[str], dict[str, set[str]]]:
    """Each module's load-time imports of other modules of the package, every private name
    imported from another module (anywhere in a module, functions included), and each module's
    imports that may run at all (load time and in functions; not under ``TYPE_CHECKING``)."""
    modules = _modules()
    graph: dict[str, set[str]] = {m: set() for m in modules}
    anywhere: dict[str, set[str]] = {m: set() for m in modules}
    private: list[str] = []
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        is_package = path.name == "__init__.py"
        loading = {id(n) for n in _top_level(tree)}
        never = _type_checking_only(tree)
        for node in ast.walk(tree):
            targets: list[tuple[str, str | None]] = []
            if isinstance(node, ast.Import):
                targets = [(alias.name, None) for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                source = _absolute(module, is_package, node.level, node.module)
                for alias in node.names:
                    if f"{source}.{alias.name}" in modules:
                        targets.append((f"{source}.{alias.name}", None))  # a submodule
                    else:
                        targets.append((source, alias.name))
            for target, name in targets:
                if target not in modules or target == module:
                    continue
                if name and name.startswith("_") and not name.startswith("__"):
                    private.append(f"{module} imports {target}.{name}")
                if id(node) not in never:
                    anywhere[module].add(target)
                if id(node) in loading:
                    graph[module].add(target)
                    parent = target.rsplit(".", 1)[0]  # importing a.b loads the package a first
                    if parent in modules and parent != module and not module.startswith(parent + "."):
                        graph[module].add(parent)
    return graph, private, anywhere


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycle() -> None:
    graph, _, _ = _imports()
    assert len(graph) > 20 and "treatywatch.ledger" in graph["treatywatch.api"]
    assert _cycles(graph) == []


def test_no_module_imports_another_modules_private_name() -> None:
    _, private, _ = _imports()
    assert private == []


def test_rules_is_a_leaf() -> None:
    """rules imports nothing of the package but its vocabulary and errors, at load or later, and
    the stages that read and store articles do not import it.  (``prepare``, the pure half of
    ingest, does: it has the claims' legal dates counted right after extraction.)"""
    _, _, anywhere = _imports()
    assert anywhere["treatywatch.rules"] <= {"treatywatch.models", "treatywatch.errors"}
    assert "treatywatch.rules" in anywhere["treatywatch.registry"]  # the check sees imports
    below = ["ingest", "sources", "gate", "dates", "duplicates", "depositary", "ledger", "pg"]
    assert [m for m in below if "treatywatch.rules" in anywhere[f"treatywatch.{m}"]] == []


def test_extraction_applies_no_legal_rule() -> None:
    """Extraction reports what the text says: no module of ``extract`` imports the rules, at load
    or later.  The days the treaties' rules give are ``rules.count_effects``'s, which the pipeline
    calls right after extraction (``api.extract_each``, ``prepare.prepare``)."""
    _, _, anywhere = _imports()
    extract = [m for m in anywhere if m == "treatywatch.extract" or m.startswith("treatywatch.extract.")]
    assert len(extract) > 3
    assert [m for m in extract if "treatywatch.rules" in anywhere[m]] == []
    assert "treatywatch.rules" in anywhere["treatywatch.prepare"] and "treatywatch.rules" in anywhere["treatywatch.api"]


def test_ledger_is_a_store() -> None:
    """The ledger loads neither the rules nor consolidation, nor what is computed over it
    (status, baselines): it stores and queries rows.  Nor does it call them later, in a method:
    those stages call it."""
    graph, _, anywhere = _imports()
    above = {"treatywatch.rules", "treatywatch.consolidate", "treatywatch.status", "treatywatch.baselines"}
    assert graph["treatywatch.ledger"] & above == set()
    assert anywhere["treatywatch.ledger"] & above == set()
    assert "treatywatch.ledger" in graph["treatywatch.status"] and "treatywatch.ledger" in graph["treatywatch.baselines"]


def test_the_checks_find_what_they_look_for() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _absolute("treatywatch.extract.english", False, 2, "models") == "treatywatch.models"
    assert _absolute("treatywatch.extract", True, 1, "words") == "treatywatch.extract.words"
