# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""The type stub (carto_import/__init__.pyi) against the classes it describes: every public
method of a class is in the stub (in the class or a stub base), with the runtime's parameter
names, so that a keyword added to configure() or a new setter cannot be left out of it."""
import ast
import inspect
import pathlib

import carto_import


def _stub_classes():
    tree = ast.parse(pathlib.Path(carto_import.__file__).with_suffix(".pyi").read_text())
    classes = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        members = {}
        for base in node.bases:  # stub-only bases (_Handle, _JsonFields, _Sequence) first
            if isinstance(base, ast.Name) and base.id in classes:
                members.update(classes[base.id])
        for item in node.body:
            if isinstance(item, ast.FunctionDef):
                a = item.args
                members[item.name] = ([x.arg for x in a.posonlyargs + a.args + a.kwonlyargs]
                                      + (["**"] if a.kwarg else []))
            elif isinstance(item, ast.AnnAssign):
                members[item.target.id] = None  # an attribute or property
        classes[node.name] = members
    return classes


def _parameters(function):
    params = inspect.signature(function).parameters.values()
    names = [p.name for p in params if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    return names + (["**"] if any(p.kind == p.VAR_KEYWORD for p in params) else [])


def test_stub_matches_the_classes():
    problems = []
    for name, members in _stub_classes().items():
        cls = getattr(carto_import, name, None)
        if cls is None:
            continue  # a stub-only base
        for member in sorted(set(dir(cls)) | set(members)):
            if member.startswith("_") and member not in members:
                continue
            if member not in members:
                problems.append(f"{name}.{member}: not in the stub")
            elif not hasattr(cls, member):
                problems.append(f"{name}.{member}: in the stub only")
            elif members[member] is not None and inspect.isfunction(
                    inspect.getattr_static(cls, member)):
                runtime = _parameters(getattr(cls, member))
                if runtime != members[member]:
                    problems.append(f"{name}.{member}: stub {members[member]}, runtime {runtime}")
    assert problems == []
