"""The store: schema and migrations, writes, deletes, agencies, full-text rows."""
from __future__ import annotations

import sqlite3

import pytest

from vanban import store
from vanban.store import DatabaseNotFoundError, MIGRATIONS, open_db

from .store_helpers import failing_check, put, record, ref, sha_of, snapshot, task


@pytest.fixture
def db():
    database = open_db(":memory:")
    yield database
    database.close()


def count(db, table: str, where: str = "1") -> int:
    return db.execute(f"SELECT count(*) FROM {table} WHERE {where}").fetchone()[0]


PLAN = record(
    "plan.txt", "352/KH-UBND",
    refs=[ref("27/2022/NĐ-CP", doc_type="NĐ", issuer="Chính phủ", date="2022-04-19")],
    tasks=[task("Sở Y tế", "Chủ trì nội dung số 02", deadline="2023-06-15", partners=["Sở Tài chính"]),
           task("Sở NN&PTNT", "Chủ trì dự án 2")],
    checks=[failing_check()],
)


def test_migrations_create_every_table_and_are_recorded(tmp_path):
    db = open_db(tmp_path / "v.db")
    tables = set(db.table_names())
    assert {"documents", "citations", "amounts", "budget_checks", "assignments", "assignment_partners", "agencies",
            "agency_aliases", "recipients", "distribution", "sections", "files", "load_errors", "load_runs",
            "documents_fts", "assignments_fts"} <= tables
    assert [m.name for m in MIGRATIONS.applied(db)] == [m.name for m in MIGRATIONS._migrations]
    assert MIGRATIONS.pending(db) == []
    db.close()
    open_db(tmp_path / "v.db").close()  # a second open applies nothing and fails on nothing


def test_file_database_uses_wal(tmp_path):
    db = open_db(tmp_path / "v.db")
    assert db.journal_mode == "wal"
    db.close()


def test_missing_database_is_an_error_for_readers(tmp_path):
    with pytest.raises(DatabaseNotFoundError, match="no database"):
        open_db(tmp_path / "absent.db", create=False)
    assert not (tmp_path / "absent.db").exists()


@pytest.mark.parametrize("table, columns", [
    ("citations", ["target_id"]),
    ("citations", ["document_id"]),
    ("citations", ["number_key", "jurisdiction", "year", "target_id"]),
    ("documents", ["uri"]),
    ("documents", ["number_key", "status"]),
    ("documents", ["sha256"]),
    ("assignments", ["agency_id", "role"]),
    ("assignment_partners", ["agency_id"]),
    ("budget_checks", ["holds"]),
    ("files", ["sha256"]),
])
def test_indexes_for_the_queries(db, table, columns):
    assert columns in [index.columns for index in db[table].indexes]


def test_record_becomes_rows(db):
    put(db, PLAN)
    doc = db.execute("SELECT uri, status, number_key, jurisdiction, year FROM documents WHERE source = 'plan.txt'").fetchone()
    assert doc == ("vn/nghe-an/ubnd/kh/2023/352", "loaded", "352/KHUBND", "nghe-an", 2023)
    assert count(db, "citations") == 1
    assert count(db, "assignments") == 2
    assert count(db, "assignment_partners") == 1
    assert count(db, "budget_checks", "holds = 0") == 1
    assert count(db, "documents_fts") == 1 and count(db, "assignments_fts") == 2


def test_agencies_are_canonical_and_keep_their_spellings(db):
    put(db, PLAN, record("p2.txt", "360/KH-UBND", tasks=[task("Sở Nông nghiệp và Phát triển nông thôn")]))
    rows = db.execute("SELECT id, name FROM agencies ORDER BY id").fetchall()
    assert ("nghe-an/so-y-te", "Sở Y tế tỉnh Nghệ An") in rows
    nn = [r for r in rows if "nong-nghiep" in r[0]]
    assert len(nn) == 1
    aliases = {r[0] for r in db.execute("SELECT alias FROM agency_aliases WHERE agency_id = ?", [nn[0][0]])}
    assert aliases == {"Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"}


def test_the_same_agency_in_two_provinces_is_two_agencies(db):
    other = record("st.txt", "10/KH-UBND", issuer="Ủy ban nhân dân tỉnh Sóc Trăng", place="Sóc Trăng",
                   tasks=[task("Sở Y tế")])
    put(db, PLAN, other)
    assert {r[0] for r in db.execute("SELECT id FROM agencies WHERE head = 'so-y-te'")} == {
        "nghe-an/so-y-te", "soc-trang/so-y-te"}


def test_delete_document_leaves_nothing_behind(db):
    put(db, PLAN)
    doc_id = db.execute("SELECT id FROM documents WHERE source = 'plan.txt'").fetchone()[0]
    with db.atomic():
        store.settle(db, store.delete_document(db, doc_id))
    for table in ("documents", "citations", "assignments", "assignment_partners", "agencies", "agency_aliases",
                  "budget_checks", "documents_fts", "assignments_fts"):
        assert count(db, table) == 0, table


def test_changed_file_replaces_its_document(db):
    put(db, PLAN)
    changed = record("plan.txt", "353/KH-UBND")
    put(db, changed)
    assert [r[0] for r in db.execute("SELECT number FROM documents WHERE status = 'loaded'")] == ["353/KH-UBND"]
    assert count(db, "citations") == 0 and count(db, "documents", "status = 'stub'") == 0
    assert count(db, "files") == 1


def test_storing_the_same_record_twice_changes_nothing(db):
    put(db, PLAN)
    before = snapshot(db)
    put(db, PLAN)
    assert snapshot(db) == before


def test_error_then_success_on_one_path(db):
    with db.atomic():
        store.store_error(db, path="/docs/plan.txt", sha256="x", code="empty_file", message="plan.txt is empty")
    assert count(db, "load_errors") == 1 and count(db, "files", "status = 'error'") == 1
    put(db, PLAN)
    assert count(db, "load_errors") == 0
    assert count(db, "files", "status = 'loaded'") == 1


def test_a_file_that_turns_bad_drops_its_document(db):
    put(db, PLAN)
    with db.atomic():
        store.settle(db, store.store_error(db, path="/docs/plan.txt", sha256="y", code="corrupt_file", message="bad"))
    assert count(db, "documents") == 0


def test_link_file_shares_the_document_of_the_same_bytes(db):
    put(db, PLAN)
    with db.atomic():
        assert store.link_file(db, path="/copy/plan.txt", sha256=sha_of(PLAN)) is not None
        assert store.link_file(db, path="/copy/none.txt", sha256="unknown") is None
    assert count(db, "documents", "status = 'loaded'") == 1
    assert count(db, "files") == 2


def test_a_failed_write_rolls_back_whole(tmp_path):
    db = open_db(tmp_path / "v.db")
    rows = store.record_rows(PLAN, sha256=sha_of(PLAN))
    rows["citations"][0]["no_such_column"] = 1
    with pytest.raises(sqlite3.OperationalError):
        with db.atomic():
            store.store_record(db, rows, path="/docs/plan.txt")
    assert count(db, "documents") == 0 and count(db, "files") == 0 and count(db, "agencies") == 0
    db.close()


def test_an_older_database_is_migrated_on_open(tmp_path):
    from sqlite_utils import Database

    old = Database(tmp_path / "old.db")
    MIGRATIONS.apply(old, stop_before="m002_documents_status_index")
    assert ["status", "doc_type"] not in [i.columns for i in old["documents"].indexes]
    old.close()
    db = open_db(tmp_path / "old.db")
    indexes = [i.columns for i in db["documents"].indexes]
    assert ["status", "doc_type", "genre"] in indexes and ["status", "doc_type"] not in indexes  # m002's, then m008's
    assert MIGRATIONS.pending(db) == []
    db.close()


def test_the_store_takes_the_identity_the_record_carries(db):
    rec = PLAN.model_copy(deep=True)
    rec.jurisdiction, rec.uri = "nghe-an/huyen-ky-son", "vn/nghe-an/huyen-ky-son/ubnd/kh/2023/352"
    rec.assignments[0].agency_id = "nghe-an/huyen-ky-son/so-y-te"
    put(db, rec)
    assert db.execute("SELECT uri, jurisdiction FROM documents WHERE source = 'plan.txt'").fetchone() == (
        "vn/nghe-an/huyen-ky-son/ubnd/kh/2023/352", "nghe-an/huyen-ky-son")
    ids = [r[0] for r in db.execute("SELECT agency_id FROM assignments ORDER BY position")]
    assert ids == ["nghe-an/huyen-ky-son/so-y-te", "nghe-an/so-nong-nghiep-va-phat-trien-nong-thon"]
    assert count(db, "agencies", "id = 'nghe-an/huyen-ky-son/so-y-te'") == 1


def test_a_record_stored_before_it_carried_its_identity_gets_it_from_its_rows(tmp_path):
    import json

    db = open_db(tmp_path / "v.db")
    put(db, PLAN)
    stored = json.loads(db.execute("SELECT record FROM documents").fetchone()[0])
    assert stored["uri"] == "vn/nghe-an/ubnd/kh/2023/352" and stored["jurisdiction"] == "nghe-an"
    expected = [a["agency_id"] for a in stored["assignments"]]
    assert expected == ["nghe-an/so-y-te", "nghe-an/so-nong-nghiep-va-phat-trien-nong-thon"]
    # as an older version stored it: no uri, no jurisdiction, the extractor's own agency ids
    for key in ("uri", "jurisdiction"):
        del stored[key]
    for a in stored["assignments"]:
        a["agency_id"] = None
    with db.atomic():
        db.execute("UPDATE documents SET record = ?", [json.dumps(stored, ensure_ascii=False)])
        db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm004_record_identity'")
    db.close()
    db = open_db(tmp_path / "v.db")
    migrated = json.loads(db.execute("SELECT record FROM documents").fetchone()[0])
    db.close()
    assert migrated["uri"] == "vn/nghe-an/ubnd/kh/2023/352" and migrated["jurisdiction"] == "nghe-an"
    assert [a["agency_id"] for a in migrated["assignments"]] == expected
