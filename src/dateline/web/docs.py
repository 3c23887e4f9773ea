"""A local API reference page built from the OpenAPI document (no scripts or styles from elsewhere)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from .render import page

router = APIRouter(include_in_schema=False)


def _type(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " or ".join(_type(s) for s in schema["anyOf"] if s.get("type") != "null")
    kind = str(schema.get("type", "any"))
    return f"{kind} ({schema['format']})" if "format" in schema else kind


def operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Each operation: method, path, summary and parameters (name, where, type, required, default)."""
    out = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "type": _type(p.get("schema", {})), "default": p.get("schema", {}).get("default"),
                       "description": p.get("description") or p.get("schema", {}).get("description") or ""}
                      for p in op.get("parameters", [])]
            out.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "params": params})
    return out


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    return page(request, "docs.html", info=spec.get("info", {}), operations=operations(spec))
