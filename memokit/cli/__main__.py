"""``python -m memokit.cli``: the memokit command."""

import sys

from memokit.cli import main

sys.exit(main())
