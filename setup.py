"""Package discovery that pyproject.toml cannot express: the top-level templates/ folder
ships inside the wheel as the package ``memokit.templates``."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["memokit", "memokit.*"]), "memokit.templates"],
    package_dir={"memokit.templates": "templates"},
)
