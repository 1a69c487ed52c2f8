"""Revision files of the ledger's migrations (see :mod:`newsledger.store.migrations`)."""
