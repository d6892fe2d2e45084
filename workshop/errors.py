"""The error every command and window shows the user as one line, and the import size
limit the command line states.

A module of its own, with no imports, so that the command line (and the app it starts)
can name them without loading the import/export machinery before the first paint.
"""

MAX_IMPORT_BYTES = 20 * 1024 * 1024


class UserError(Exception):
    """Something the user can fix; shown as one line."""
