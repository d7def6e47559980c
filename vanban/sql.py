"""Plain SQL writes shared by the store and the resolver."""
from __future__ import annotations

from sqlite_utils import Database


def insert_rows(db: Database, table: str, rows: list[dict], *, replace: bool = False) -> int | None:
    """Plain INSERT of dicts sharing their keys (the hot path of a load); the last rowid.

    Runs inside the caller's transaction (every write of a load is in one).
    """
    if not rows:
        return None
    columns = list(rows[0])
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    sql = f"{verb} INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    if len(rows) == 1:
        return db.conn.execute(sql, [rows[0][c] for c in columns]).lastrowid
    db.conn.executemany(sql, ([r[c] for c in columns] for r in rows))
    return None
