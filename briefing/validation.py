"""Validate input with pydantic's rules without paying for pydantic at start-up.

Why this exists: a collaborator adding a verbatim from the shell waits for a
whole process, and importing pydantic (its model machinery, its plugin
loader) costs more than the rest of the command put together. The rules
stay written once, as the models in :mod:`briefing.models`; what runs them
is pydantic-core, the engine those models compile to, which starts in a
third of the time.

The first call compiles every model once (importing pydantic), keeps each
model's core schema, and stores them in the user's cache directory keyed by
the rule sources and the pydantic-core version. Later processes
load that file and hand the schemas straight to pydantic-core. The stored
schemas refer to rule functions and enums by name, so nothing in them needs
pydantic to load. If the cache cannot be read or written the schemas are
compiled in memory instead: slower, never different.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import stat
import threading
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.errors import BadInput
from briefing.i18n import _

if TYPE_CHECKING:  # pydantic-core itself loads on the first validation, not at import
    from pydantic_core import SchemaValidator, ValidationError

CACHE_ENV = "BRIEFING_CACHE_DIR"

# The files whose content decides what the compiled schemas are.
_SOURCES = ("models.py", "checks.py", "kinds.py", "timeutil.py")

_schemas: dict[str, tuple[dict[str, Any], dict[str, Any]]] | None = None
#: The app validates in worker threads: the first two must not both compile.
_loading = threading.Lock()
_validators: dict[str, SchemaValidator] = {}


def validate(model: str, data: dict[str, Any]) -> dict[str, Any]:
    """The fields of ``model`` (a class name in :mod:`briefing.models`) built
    from ``data``, defaults filled in; or :class:`BadInput` naming the first
    bad field by its model name (each front end puts it in its own words)."""
    from pydantic_core import ValidationError

    try:
        fields, _extra, _given = _validator(model).validate_python(data)
    except ValidationError as exc:
        raise as_bad_input(exc) from None
    return fields


def validate_patch(model: str, fields: dict[str, Any], clearable: tuple[str, ...]) -> dict[str, Any]:
    """The changes an edit asks for: each field given (not None), validated.

    An empty value for an optional field (one in ``clearable``) removes it,
    as a person who empties "Company" in a form or types ``--company ''``
    means, and comes back as None; elsewhere empty text is refused.
    """
    cleared = [k for k in clearable if isinstance(fields.get(k), str) and not fields[k].strip()]
    given = {k: v for k, v in fields.items() if v is not None and k not in cleared}
    changes = {k: v for k, v in validate(model, given).items() if v is not None}
    return changes | dict.fromkeys(cleared)


def as_bad_input(exc: ValidationError) -> BadInput:
    err = exc.errors(include_url=False)[0]
    field = str(err["loc"][0]) if err["loc"] else None
    return BadInput(field, problem(err))


def problem(err: dict[str, Any]) -> str:
    """One pydantic error in our words and the user's language.

    A rule of ours (:mod:`briefing.checks`, :mod:`briefing.timeutil`) raised
    its message already translated: it is used as is. Pydantic's own
    messages are English whatever the language, so the kinds of error our
    models can meet are each given a sentence of ours; any other says the
    value is not valid rather than showing pydantic's English.
    """
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind in ("value_error", "assertion_error"):
        error = ctx.get("error")
        return str(error) if error is not None else err["msg"].removeprefix("Value error, ")
    if kind == "enum":
        return _("{value} is not one of {choices}").format(value=repr(err["input"]), choices=choices(ctx))
    if kind == "missing":
        return _("is required")
    if kind == "extra_forbidden":
        return _("is not expected here")
    if kind == "list_type":
        return _("must be a list")
    return _("is not valid")


def choices(ctx: dict[str, Any]) -> str:
    """An enum's values from pydantic's ``'a', 'b' or 'c'``, joined as the
    language joins a list ("a, b or c", "a, b ou c")."""
    expected = str(ctx.get("expected", "")).replace("'", "")
    items, _or, last = expected.rpartition(" or ")
    return _("{items} or {last}").format(items=items, last=last) if items else last


def _validator(model: str) -> SchemaValidator:
    validator = _validators.get(model)
    if validator is None:
        from pydantic_core import SchemaValidator

        try:
            schema, config = _load()[model]
            validator = SchemaValidator(schema, config)
        except Exception:  # noqa: BLE001 - a cache that loads but holds nonsense: compile instead
            schema, config = _load(fresh=True)[model]
            validator = SchemaValidator(schema, config)
        _validators[model] = validator
    return validator


def _load(*, fresh: bool = False) -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    global _schemas
    with _loading:
        if fresh:
            _schemas = compile_models()
        elif _schemas is None:
            _schemas = _read_or_compile()
    return _schemas


def _read_or_compile() -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    try:
        key = _key()
    except OSError:  # sources not on disk (a zipped install): no cache, same answers
        return compile_models()
    path = cache_dir() / f"validators-{zlib.crc32(key.encode()):08x}.pickle"
    try:
        if trusted(path):
            with path.open("rb") as f:
                stored = pickle.load(f)
            if isinstance(stored, dict) and stored.get("key") == key and _well_formed(stored.get("schemas")):
                return stored["schemas"]
    except Exception:  # noqa: BLE001 - missing, unreadable, truncated or foreign: rebuild
        pass
    schemas = compile_models()
    _store(path, {"key": key, "schemas": schemas})
    return schemas


def trusted(path: Path) -> bool:
    """Whether ``path`` may be unpickled: loading a pickle runs what it names,
    so (as ssh treats its keys) only a regular file the user owns, in a
    folder the user owns, neither writable by anyone else."""
    if not hasattr(os, "getuid"):  # no owners to check on this system
        return path.is_file()
    for place in (path.parent, path):
        st = os.lstat(place)
        if st.st_uid != os.getuid() or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return False
    return stat.S_ISREG(os.lstat(path).st_mode) and stat.S_ISDIR(os.lstat(path.parent).st_mode)


def _well_formed(schemas: Any) -> bool:
    return isinstance(schemas, dict) and all(
        isinstance(k, str) and isinstance(v, tuple) and len(v) == 2 and all(isinstance(x, dict) for x in v)
        for k, v in schemas.items()
    )


def _key() -> str:
    """What the compiled schemas depend on: pydantic-core's version and the
    rule sources, by modification time and size as Python's own bytecode
    cache does (cheaper than hashing, and just as trusted)."""
    import pydantic_core

    here = Path(__file__).parent
    parts = [pydantic_core.__version__]
    for name in _SOURCES:
        st = (here / name).stat()
        parts.append(f"{name}:{st.st_mtime_ns}:{st.st_size}")
    return "|".join(parts)


def compile_models() -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    """Each model's fields schema and config, as pydantic compiles them.

    The model wrapper is dropped (it points at the pydantic class) and so is
    every ``metadata`` entry (JSON-schema hooks that live in pydantic);
    neither takes part in validation.
    """
    from pydantic import BaseModel

    from briefing import models

    compiled = {}
    for name in dir(models):
        cls = getattr(models, name)
        if isinstance(cls, type) and issubclass(cls, BaseModel) and not name.startswith("_") and cls is not BaseModel:
            cls.model_rebuild()
            schema = cls.__pydantic_core_schema__
            compiled[name] = (_strip(schema["schema"]), dict(schema["config"]))
    return compiled


def _strip(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _strip(v) for k, v in node.items() if k != "metadata"}
    if isinstance(node, list):
        return [_strip(v) for v in node]
    return node


def _store(path: Path, content: dict[str, Any]) -> None:
    """Write atomically: a process reading the cache never sees half a file."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as f:
            pickle.dump(content, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except Exception:  # noqa: BLE001 - a read-only home only costs speed
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def cache_dir() -> Path:
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path("briefing", appauthor=False)
