"""The built wheel ships the framework YAML and the style sheets, and they load from the installed copy."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_installs_with_data_files(tmp_path: Path) -> None:
    """Build the wheel, install it (no deps) into a fresh venv that sees our deps, and load from there."""
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
        check=True, capture_output=True, text=True,
    )
    wheel = next(dist.glob("framewheel-*.whl"))
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False, system_site_packages=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--target", site, str(wheel)],
        check=True, capture_output=True, text=True,
    )
    # Our own dependencies come from the running interpreter's site-packages, after the installed copy.
    deps = [p for p in sys.path if p.endswith("site-packages")]
    (Path(site) / "zz_test_deps.pth").write_text("\n".join(deps) + "\n", encoding="utf-8")
    code = (
        "import frameworks, styles, tui.core.frameworks as f, pathlib;"
        "files = f.shipped_framework_files();"
        "print(pathlib.Path(frameworks.__file__).parent);"
        "print(sorted(p.name for p in files));"
        "print(sorted(f.load_catalog(user_dir=pathlib.Path('/nonexistent')).frameworks));"
        "print((pathlib.Path(styles.__file__).parent / 'app.tcss').is_file());"
        "from tui.app import FramewheelApp; print(FramewheelApp.CSS_PATH[0])"
    )
    out = subprocess.run([str(python), "-c", code], cwd=tmp_path, check=True, capture_output=True, text=True).stdout
    lines = out.splitlines()
    assert lines[0].startswith(site), "frameworks must load from the installed copy"
    assert "'ahep.yaml'" in lines[1] and "'aspect.yaml'" in lines[1]
    assert lines[2] == "['ahep', 'aspect-core-principles', 'technician-commitment']"
    assert lines[3] == "True"
    assert lines[4].startswith(site) and lines[4].endswith("app.tcss")
    run = subprocess.run([str(python), "-m", "tui", "--version"], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0 and run.stdout.startswith("framewheel ")
    # pip --target puts the console script under the target's bin/; it must be there and run.
    console = Path(site) / "bin" / "framewheel"
    assert console.is_file(), f"no console script in {console.parent}"
    # Run by the fresh venv's interpreter (its shebang names the interpreter that ran pip).
    run = subprocess.run([str(python), str(console), "--version"], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("framewheel ")
