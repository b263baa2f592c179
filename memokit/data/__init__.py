"""memokit."""
