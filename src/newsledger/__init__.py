"""newsledger: a ledger of who said what, when, where, about whom, and on what condition."""

__version__ = "0.1.0"
