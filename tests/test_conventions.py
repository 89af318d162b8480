"""Project conventions that a reviewer would otherwise have to check by hand."""

import ast
import re
from pathlib import Path

import rasd

SRC = Path(rasd.__file__).parent
ARABIC_WORD = re.compile(r"[\u0621-\u064A\u0671-\u06D3]{2,}")  # two letters or more: a word


def _docstring_nodes(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = getattr(node, "body", [])
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def test_no_arabic_string_literals_in_logic_modules():
    """Arabic words live in lang/ar/data/, never in Python logic (docstrings may show examples;
    single characters, as in the normalizer's folding table, are mechanics, not words)."""
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = _docstring_nodes(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and id(node) not in docs and ARABIC_WORD.search(node.value):
                offenders.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert not offenders, offenders


def test_public_api():
    for name in rasd.__all__:
        assert hasattr(rasd, name), name
    assert callable(rasd.extract)
