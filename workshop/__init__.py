"""OKR Workshop: run a live, timed OKR workshop and hand out the results."""

__version__ = "0.1.0"
