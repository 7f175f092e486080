"""Build hook: ship the case studies inside the package.

``case_studies/`` stays at the repository root (the notebooks, README and JupyterLab link
to it there); a built wheel carries a copy as ``powermap_kit/case_studies/`` so that
``powermap_kit.cases.load_case`` works after ``pip install .`` from any folder. Everything
else is configured in pyproject.toml.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

CASES = Path(__file__).parent / "case_studies"


class BuildWithCases(build_py):
    """``build_py`` that also copies ``case_studies/`` (its .json and .md files) into the package."""

    def run(self) -> None:
        super().run()
        if self.editable_mode or not CASES.is_dir():  # an editable install reads the checkout's folder
            return
        target = Path(self.build_lib) / "powermap_kit" / "case_studies"
        for source in sorted(CASES.rglob("*")):
            if source.is_file() and source.suffix in (".json", ".md") and ".ipynb_checkpoints" not in source.parts:
                self.copy_file(str(source), str(target / source.relative_to(CASES)), preserve_mode=False)

    def copy_file(self, infile, outfile, *args, **kwargs):  # type: ignore[no-untyped-def]
        Path(outfile).parent.mkdir(parents=True, exist_ok=True)
        return super().copy_file(infile, outfile, *args, **kwargs)


setup(cmdclass={"build_py": BuildWithCases})
