"""``python -m mediakit.cli``: the same as the ``mediakit`` command."""

import sys

from . import main

sys.exit(main())
