"""Read template.yaml (CloudFormation short tags included) and resolve the few intrinsics the local stack needs."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml


class _CfnLoader(yaml.SafeLoader):
    pass


def _intrinsic(loader: yaml.SafeLoader, tag_suffix: str, node: yaml.Node) -> dict:
    name = "Ref" if tag_suffix == "Ref" else f"Fn::{tag_suffix}"
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
        if name == "Fn::GetAtt":
            value = value.split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return {name: value}


_CfnLoader.add_multi_constructor("!", _intrinsic)


def load_template(path: str | Path) -> dict:
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_CfnLoader)


def default_template_path() -> Path:
    """template.yaml at the repository root (the package lives in layers/privscan/privscan)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "template.yaml").is_file():
            return parent / "template.yaml"
    raise FileNotFoundError("template.yaml not found above the privscan package")


def references(value: Any) -> set[str]:
    """Logical ids a template fragment refers to (Ref, GetAtt, ${X} in Sub)."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "Ref" and isinstance(inner, str):
                found.add(inner)
            elif key == "Fn::GetAtt":
                found.add(inner[0])
            elif key == "Fn::Sub":
                text = inner if isinstance(inner, str) else inner[0]
                found |= {name.split(".")[0] for name in re.findall(r"\$\{([^}!]+)\}", text)}
            else:
                found |= references(inner)
    elif isinstance(value, list):
        for inner in value:
            found |= references(inner)
    return found


def resolve(
    value: Any,
    ref: Callable[[str], str],
    get_att: Callable[[str, str], str],
    condition: Callable[[str], bool] | None = None,
) -> Any:
    """Resolve Ref / Fn::GetAtt / Fn::Sub / Fn::Join, and Fn::If by `condition(name)`, with the given lookups."""
    if isinstance(value, dict) and len(value) == 1:
        ((key, inner),) = value.items()
        if key == "Fn::If" and condition is not None:
            name, when_true, when_false = inner
            return resolve(when_true if condition(name) else when_false, ref, get_att, condition)
        if key == "Ref":
            return ref(inner)
        if key == "Fn::GetAtt":
            return get_att(inner[0], inner[1])
        if key == "Fn::Sub":
            text, extra = (inner, {}) if isinstance(inner, str) else (inner[0], inner[1])

            def substitute(match: re.Match) -> str:
                name = match.group(1)
                if name in extra:
                    return str(resolve(extra[name], ref, get_att))
                if "." in name:
                    logical, attribute = name.split(".", 1)
                    return get_att(logical, attribute)
                return ref(name)

            return re.sub(r"\$\{([^}!]+)\}", substitute, text)
        if key == "Fn::Join":
            separator, parts = inner
            return separator.join(str(resolve(p, ref, get_att)) for p in parts)
    if isinstance(value, dict):
        return {k: resolve(v, ref, get_att, condition) for k, v in value.items()}
    if isinstance(value, list):
        return [resolve(v, ref, get_att, condition) for v in value]
    return value


def evaluate(expression: Any, ref: Callable[[str], str], conditions: dict) -> bool:
    """A template condition: Fn::Equals / Not / And / Or over parameters, and other conditions by name."""
    if isinstance(expression, dict) and len(expression) == 1:
        ((key, inner),) = expression.items()
        if key == "Fn::Equals":
            left, right = (resolve(side, ref, lambda *_: "") for side in inner)
            return str(left) == str(right)
        if key == "Fn::Not":
            return not evaluate(inner[0], ref, conditions)
        if key == "Fn::And":
            return all(evaluate(part, ref, conditions) for part in inner)
        if key == "Fn::Or":
            return any(evaluate(part, ref, conditions) for part in inner)
        if key == "Condition":
            return evaluate(conditions[inner], ref, conditions)
    raise ValueError(f"cannot evaluate the condition {expression!r} locally")
