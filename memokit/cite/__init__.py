"""Citations from a bibliography: the shipped CSL styles, the bibliography files, and the engine
(pandoc's citeproc) behind one seam, :func:`memokit.cite.engine.format_citations`."""
