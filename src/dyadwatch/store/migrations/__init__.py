"""Numbered schema migrations: `NNNN_name.py` modules, each with `upgrade(conn)`.

Each module is frozen once released: it defines the tables as they were at its version instead
of importing `store.schema`, so replaying old migrations still builds old databases correctly.
"""
