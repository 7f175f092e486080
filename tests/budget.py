"""How many examples a property test tries: all of them in ``make test``, a share in the
quick loop of ``make test-fast`` (``POWERMAP_EXAMPLES=0.25``), never fewer than ten.

>>> examples(400) >= 10
True
"""

from __future__ import annotations

import os

#: The share of each property test's examples tried (``POWERMAP_EXAMPLES``; default all).
SHARE = float(os.environ.get("POWERMAP_EXAMPLES") or 1)


def examples(count: int) -> int:
    """``count`` examples, scaled by :data:`SHARE`."""
    return max(10, round(count * SHARE))
