"""YAML with positions: values that remember the file, line and column they were written at.

Shared by the memo loader (``load``) and the house-style loader (``style``).
"""

from memokit.source.located import (
    Located,
    PathKey,
    control_message,
    format_path,
    load_yaml_file,
    load_yaml_text,
)
from memokit.source.textpos import LineIndex, TextOrigin

__all__ = ["LineIndex", "Located", "PathKey", "TextOrigin", "control_message", "format_path",
           "load_yaml_file", "load_yaml_text"]
