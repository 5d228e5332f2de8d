"""Run the benchmarks: every ``bench_*.py`` module in this folder.

    python tests/benchmarks/run.py            # all of them, in name order
    python tests/benchmarks/run.py add        # only bench_add.py

Each module has a ``main()`` that prints its own figures and returns them
as a dict. Run from the repository root with the project's venv Python:
benchmarks find the console scripts next to ``sys.executable``.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent


def available() -> dict[str, Path]:
    """Short name ('add') to file, for every bench_*.py here."""
    return {p.stem.removeprefix("bench_"): p for p in sorted(HERE.glob("bench_*.py"))}


def load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    spec.loader.exec_module(module)
    return module


def compile_project() -> None:
    """Byte-compile our packages before timing whole processes.

    pip byte-compiles every library it installs, so the tools we are
    compared with never parse their source at start-up, and on a normal
    machine our editable install writes its own bytecode on its first run.
    Where PYTHONDONTWRITEBYTECODE is set (this workplace sets it), it never
    would, and each launch of ours would include compiling ~40 modules: a
    cost no user pays. Compiling here puts both sides on the same footing.
    """
    import compileall

    root = HERE.parent.parent
    for package in ("briefing", "screens"):
        compileall.compile_dir(root / package, quiet=1)
    flag = os.environ.get("PYTHONDONTWRITEBYTECODE", "unset")
    print(f"byte-compiled briefing/ and screens/ (PYTHONDONTWRITEBYTECODE={flag})")


def main(argv: list[str] | None = None) -> int:
    benches = available()
    parser = argparse.ArgumentParser(
        prog="run.py",
        description="Run the bench_*.py benchmarks in tests/benchmarks.",
        epilog="available: " + (", ".join(benches) or "none"),
    )
    parser.add_argument("names", nargs="*", metavar="NAME", help="only these (e.g. 'add' for bench_add.py)")
    args = parser.parse_args(argv)

    chosen: list[str] = []
    for name in args.names:
        short = name.removesuffix(".py").removeprefix("bench_")
        if short not in benches:
            parser.error(f"no benchmark {name!r}; available: {', '.join(benches) or 'none'}")
        if short not in chosen:
            chosen.append(short)
    chosen = chosen or list(benches)
    if not chosen:
        print("no bench_*.py in", HERE, file=sys.stderr)
        return 1

    # Keep a stray non-UTF-8 locale from turning a "≤" into a traceback.
    sys.stdout.reconfigure(errors="replace")  # type: ignore[union-attr]
    sys.path.insert(0, str(HERE))  # so benchmarks can share helper modules
    compile_project()
    results: dict[str, dict] = {}
    for short in chosen:
        path = benches[short]
        print(f"== {path.name}", flush=True)
        start = time.perf_counter()
        results[short] = load(path).main() or {}
        print(f"== {path.name} done in {time.perf_counter() - start:.1f} s\n", flush=True)

    if len(results) > 1:
        print("summary:")
        for short, figures in results.items():
            if "ratio" in figures:
                verdict = "met" if figures.get("met") else "not met"
                print(f"  {figures.get('name', short)}: {figures['ratio']:.2f}x ({verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
