"""groundup: AI from the ground up.

An executable, math-first curriculum. ``groundup.<topic>`` is the reference library: readable
from-scratch implementations, each tested against the industry library that does the same job.
"""

__version__ = "0.1.0"
