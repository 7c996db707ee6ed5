"""The outreach plan's one way in and out: read, save with audit events, users, transfer."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, Engine, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from plan import records_csv, transfer
from plan.database import WRITE, refuse_newer, schema_state
from plan.groups import (
    GroupConflictError,
    GroupEvent,
    GroupNameTakenError,
    SavedGroup,
    codes_of,
    codes_text,
    name_key,
    normal_codes,
    normal_name,
    value_text,
)
from plan.model import (
    FIELDS,
    ROLES,
    ImportReport,
    PlanConflictError,
    PlanError,
    PlanEvent,
    PlanRecord,
    PlanValidationError,
    normal_email,
    to_text,
    validate,
)
from plan.schema import EventRow, GroupEventRow, GroupRow, RecordRow, UserRow

STORED = (*FIELDS, "version", "updated_by", "updated_at")
TICK = timedelta(microseconds=1)


def _record(row) -> PlanRecord:
    return PlanRecord(row.iso3, row.instrument, *(getattr(row, name) for name in STORED))


def _event(row) -> PlanEvent:
    return PlanEvent(row.id, row.iso3, row.instrument, row.at, row.who, row.field, row.old, row.new)


def _group(row) -> SavedGroup:
    return SavedGroup(
        row.id,
        row.name,
        codes_of(row.codes),
        row.version,
        row.created_by,
        row.created_at,
        row.updated_by,
        row.updated_at,
    )


def _group_event(row) -> GroupEvent:
    return GroupEvent(row.id, row.group_id, row.at, row.who, row.field, row.old, row.new)


def _counted(number: int, thing: str) -> str:
    return f"{number} {thing}{'' if number == 1 else 's'}"


def _shown(value: object) -> str:
    text = repr(value if value is not None else "")
    return text if len(text) <= 80 else f"{text[:60]}… ({len(str(value))} characters)"


class PlanService:
    """Plans for the known states and instruments in one database at the current schema."""

    def __init__(self, engine: Engine, known_iso3: set[str], known_instruments: set[str]) -> None:
        if schema_state(engine) != "current":
            refuse_newer(engine)
            raise PlanError(
                "The plan database has no plan tables or an older schema. "
                "Run `python -m plan db upgrade` first."
            )
        self.engine = engine
        self._writer = engine.execution_options(**{WRITE: True})
        self.known_iso3 = set(known_iso3)
        self.known_instruments = set(known_instruments)

    # Reading

    def _read(self, connection: Connection, iso3: str, instrument: str) -> PlanRecord:
        row = connection.execute(
            select(RecordRow.__table__).where(
                RecordRow.iso3 == iso3, RecordRow.instrument == instrument
            )
        ).first()
        return _record(row) if row else PlanRecord.blank(iso3, instrument)

    def record(self, iso3: str, instrument: str) -> PlanRecord:
        """The plan for one state and instrument (a blank "not started" one if none is saved)."""
        with self.engine.connect() as connection:
            return self._read(connection, iso3, instrument)

    def _records(self, connection: Connection, instrument: str) -> dict[str, PlanRecord]:
        rows = connection.execute(
            select(RecordRow.__table__).where(RecordRow.instrument == instrument)
        )
        stored = {row.iso3: _record(row) for row in rows}
        return {
            iso3: stored.get(iso3) or PlanRecord.blank(iso3, instrument)
            for iso3 in sorted(self.known_iso3 | set(stored))
        }

    def records(self, instrument: str) -> dict[str, PlanRecord]:
        """Every known state's plan for one instrument, by ISO3 code."""
        with self.engine.connect() as connection:
            return self._records(connection, instrument)

    def events(self, iso3: str | None = None, instrument: str | None = None) -> list[PlanEvent]:
        """The changes, newest first, optionally of one state and/or one instrument."""
        query = select(EventRow.__table__).order_by(EventRow.at.desc(), EventRow.id.desc())
        if iso3 is not None:
            query = query.where(EventRow.iso3 == iso3)
        if instrument is not None:
            query = query.where(EventRow.instrument == instrument)
        with self.engine.connect() as connection:
            return [_event(row) for row in connection.execute(query)]

    # Writing

    def _checked(self, iso3: str, instrument: str, changes: dict, who: str) -> dict:
        if unknown := sorted(set(changes) - set(FIELDS)):
            raise PlanValidationError([f"unknown fields {unknown}"])
        clean = validate(
            {"iso3": iso3, "instrument": instrument} | changes,
            self.known_iso3,
            self.known_instruments,
        )
        self._who(who)
        return {field: clean[field] for field in changes}

    def _save(
        self,
        connection: Connection,
        current: PlanRecord,
        changes: dict,
        expected_version: int,
        who: str,
    ) -> PlanRecord:
        """Write checked changes to ``current`` and their events in the caller's transaction."""
        if current.version != expected_version:
            raise PlanConflictError(current)
        changed = [
            field
            for field in FIELDS
            if field in changes and changes[field] != getattr(current, field)
        ]
        if not changed:
            return current
        at = datetime.now(UTC)
        if current.updated_at is not None and at <= current.updated_at:
            at = current.updated_at + TICK  # one save, one time: replay counts versions by it
        new = replace(
            current,
            **{field: changes[field] for field in changed},
            version=expected_version + 1,
            updated_by=who,
            updated_at=at,
        )
        values = {name: getattr(new, name) for name in STORED}
        key = {"iso3": new.iso3, "instrument": new.instrument}
        if expected_version == 0:
            try:
                with connection.begin_nested():
                    connection.execute(insert(RecordRow).values(**key, **values))
            except IntegrityError:
                raise PlanConflictError(self._read(connection, **key)) from None
        else:
            done = connection.execute(
                update(RecordRow)
                .where(
                    RecordRow.iso3 == new.iso3,
                    RecordRow.instrument == new.instrument,
                    RecordRow.version == expected_version,
                )
                .values(**values)
            )
            if done.rowcount != 1:
                raise PlanConflictError(self._read(connection, **key))
        connection.execute(
            insert(EventRow),
            [
                key
                | {
                    "at": at,
                    "who": who,
                    "field": field,
                    "old": to_text(field, getattr(current, field)),
                    "new": to_text(field, getattr(new, field)),
                }
                for field in changed
            ],
        )
        return new

    def save(
        self, iso3: str, instrument: str, changes: dict, expected_version: int, who: str
    ) -> PlanRecord:
        """Save changes to the record loaded at ``expected_version``; one event per changed field.

        Raises PlanValidationError for bad changes and PlanConflictError (with the current
        record) when someone else saved first. Saving no actual change returns the record as is.
        """
        clean = self._checked(iso3, instrument, changes, who)
        with self._writer.begin() as connection:
            current = self._read(connection, iso3, instrument)
            return self._save(connection, current, clean, expected_version, who)

    # Saved groups

    @staticmethod
    def _who(who: str) -> str:
        if not isinstance(who, str) or not who.strip() or len(who) > 320:
            raise PlanValidationError(["who saves must be named in at most 320 characters"])
        return who

    @staticmethod
    def _read_group(connection: Connection, group_id: int) -> SavedGroup:
        row = connection.execute(select(GroupRow.__table__).where(GroupRow.id == group_id)).first()
        if row is None:
            raise PlanError(f"There is no saved group {group_id}. Reload the list of groups.")
        return _group(row)

    @staticmethod
    def _name_free(connection: Connection, name: str, group_id: int | None = None) -> None:
        """Refuse a name another group has (in any letter case)."""
        holder = connection.execute(
            select(GroupRow.id).where(GroupRow.name_key == name_key(name))
        ).scalar()
        if holder is not None and holder != group_id:
            raise GroupNameTakenError(name)

    def groups(self) -> list[SavedGroup]:
        """The saved groups (not the deleted ones), by name in any letter case."""
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(GroupRow.__table__)
                .where(GroupRow.name_key.is_not(None))
                .order_by(GroupRow.name_key, GroupRow.id)
            )
            return [_group(row) for row in rows]

    def group(self, group_id: int) -> SavedGroup:
        """One saved group as it is now (a deleted one has no name); PlanError if none has
        this id."""
        with self.engine.connect() as connection:
            return self._read_group(connection, group_id)

    def group_events(self, group_id: int | None = None) -> list[GroupEvent]:
        """The changes to saved groups, newest first, optionally of one group."""
        query = select(GroupEventRow.__table__).order_by(
            GroupEventRow.at.desc(), GroupEventRow.id.desc()
        )
        if group_id is not None:
            query = query.where(GroupEventRow.group_id == group_id)
        with self.engine.connect() as connection:
            return [_group_event(row) for row in connection.execute(query)]

    def save_group(self, name: str, codes, who: str) -> SavedGroup:
        """Save a new group of states under ``name``; its events say who and when.

        Raises PlanValidationError for a bad name, no state or an unknown code, and
        GroupNameTakenError when another group has the name (in any letter case), also when
        it was saved at the same moment.
        """
        name, members, who = normal_name(name), normal_codes(codes, self.known_iso3), self._who(who)
        at = datetime.now(UTC)
        values = {
            "name": name,
            "name_key": name_key(name),
            "codes": codes_text(members),
            "version": 1,
            "created_by": who,
            "created_at": at,
            "updated_by": who,
            "updated_at": at,
        }
        with self._writer.begin() as connection:
            self._name_free(connection, name)
            try:
                with connection.begin_nested():
                    done = connection.execute(insert(GroupRow).values(**values))
            except IntegrityError:  # PostgreSQL: a group of that name saved meanwhile
                raise GroupNameTakenError(name) from None
            group_id = done.inserted_primary_key[0]
            saved = SavedGroup(group_id, name, members, 1, who, at, who, at)
            self._group_changes(connection, SavedGroup(group_id, "", (), 0, who, at, "", at), saved)
        return saved

    def rename_group(self, group_id: int, name: str, expected_version: int, who: str) -> SavedGroup:
        """Rename the group read at ``expected_version``; GroupConflictError (with the group as
        it now is) when someone changed or deleted it since, GroupNameTakenError when another
        group has the name."""
        name, who = normal_name(name), self._who(who)
        with self._writer.begin() as connection:
            current = self._read_group(connection, group_id)
            if current.version != expected_version or current.deleted:
                raise GroupConflictError(current)
            if name == current.name:
                return current
            self._name_free(connection, name, group_id)
            return self._change_group(connection, current, name, current.codes, who)

    def delete_group(self, group_id: int, expected_version: int, who: str) -> SavedGroup:
        """Delete the group read at ``expected_version`` (its events stay); GroupConflictError
        when someone changed or deleted it since. Returns the group as deleted."""
        who = self._who(who)
        with self._writer.begin() as connection:
            current = self._read_group(connection, group_id)
            if current.version != expected_version or current.deleted:
                raise GroupConflictError(current)
            return self._change_group(connection, current, "", (), who)

    def _change_group(
        self, connection: Connection, current: SavedGroup, name: str, codes, who: str
    ) -> SavedGroup:
        at = max(datetime.now(UTC), current.updated_at + TICK)  # one change, one time
        new = replace(
            current,
            name=name,
            codes=tuple(codes),
            version=current.version + 1,
            updated_by=who,
            updated_at=at,
        )
        try:
            with connection.begin_nested():
                done = connection.execute(
                    update(GroupRow)
                    .where(GroupRow.id == current.id, GroupRow.version == current.version)
                    .values(
                        name=new.name,
                        name_key=name_key(new.name) if new.name else None,
                        codes=codes_text(new.codes),
                        version=new.version,
                        updated_by=who,
                        updated_at=at,
                    )
                )
        except IntegrityError:  # PostgreSQL: another group took the name meanwhile
            raise GroupNameTakenError(name) from None
        if done.rowcount != 1:
            raise GroupConflictError(self._read_group(connection, current.id))
        self._group_changes(connection, current, new)
        return new

    @staticmethod
    def _group_changes(connection: Connection, old: SavedGroup, new: SavedGroup) -> None:
        """One event per field that differs between ``old`` and ``new``, at ``new``'s time."""
        connection.execute(
            insert(GroupEventRow),
            [
                {
                    "group_id": new.id,
                    "at": new.updated_at,
                    "who": new.updated_by,
                    "field": field,
                    "old": value_text(field, getattr(old, field)),
                    "new": value_text(field, getattr(new, field)),
                }
                for field in ("name", "codes")
                if getattr(old, field) != getattr(new, field)
            ],
        )

    # Users

    def add_user(self, email: str, role: str) -> None:
        """Let ``email`` in with ``role``, or change the role of someone already in."""
        email = normal_email(email)
        if role not in ROLES:
            raise PlanValidationError([f"role {role!r} is not one of {list(ROLES)}"])
        with self._writer.begin() as connection:
            if role != "admin":
                self._keep_an_admin(connection, email)
            changed = connection.execute(
                update(UserRow).where(UserRow.email == email).values(role=role)
            )
            if changed.rowcount == 0:
                connection.execute(insert(UserRow).values(email=email, role=role))

    def remove_user(self, email: str) -> None:
        """Stop letting ``email`` in."""
        with self._writer.begin() as connection:
            self._keep_an_admin(connection, normal_email(email))
            removed = connection.execute(
                delete(UserRow).where(UserRow.email == normal_email(email))
            )
        if removed.rowcount == 0:
            raise PlanError(
                f"No user {email.strip()} to remove. Check the address with `users list`."
            )

    @staticmethod
    def _keep_an_admin(connection: Connection, leaving: str) -> None:
        """Refuse to remove or demote the last admin: nobody could manage users any more."""
        admins = set(connection.scalars(select(UserRow.email).where(UserRow.role == "admin")))
        if admins == {leaving}:
            raise PlanError(
                f"{leaving} is the last admin. Make someone else admin first "
                "(`python -m plan users add EMAIL --role admin`)."
            )

    def users(self) -> list[tuple[str, str]]:
        """Everyone let in, as (email, role), by email."""
        with self.engine.connect() as connection:
            rows = connection.execute(select(UserRow.email, UserRow.role).order_by(UserRow.email))
            return [(row.email, row.role) for row in rows]

    def role_of(self, email: str) -> str | None:
        """The role of ``email`` (in any letter case), or None if they are not let in."""
        try:
            email = normal_email(email)
        except PlanValidationError:
            return None
        with self.engine.connect() as connection:
            return connection.execute(select(UserRow.role).where(UserRow.email == email)).scalar()

    # Transfer

    def _export(self, connection: Connection) -> dict:
        records = [_record(row) for row in connection.execute(select(RecordRow.__table__))]
        events = [_event(row) for row in connection.execute(select(EventRow.__table__))]
        users = [tuple(row) for row in connection.execute(select(UserRow.email, UserRow.role))]
        groups = [_group(row) for row in connection.execute(select(GroupRow.__table__))]
        group_events = [
            _group_event(row) for row in connection.execute(select(GroupEventRow.__table__))
        ]
        return transfer.to_data(records, events, users, groups, group_events)

    def export(self) -> dict:
        """The whole plan (records, events, users, saved groups and their events) as JSON-ready
        data, from one snapshot."""
        with self.engine.begin() as connection:
            return self._export(connection)

    def import_(self, data: dict, dry_run: bool) -> ImportReport:
        """Restore an export into an empty database (an identical one is left as it is)."""
        problems: list[str] = []
        try:
            records, events, users = transfer.from_data(
                data, self.known_iso3, self.known_instruments
            )
        except PlanValidationError as error:
            problems.extend(error.problems)
        try:
            groups, group_events = transfer.groups_from_data(data, self.known_iso3)
        except PlanValidationError as error:
            problems.extend(p for p in error.problems if p not in problems)  # a bad header once
        if problems:
            return ImportReport([], problems, False)
        parts = (records, events, users, groups, group_events)
        with self._writer.begin() as connection:
            held = self._export(connection)
            if held == transfer.to_data(*parts):
                return ImportReport([], [], False)
            if any(held[key] for key in ("records", "events", "users", "groups")):
                counts = ", ".join(
                    _counted(len(held[f"{key}s"]), key.replace("_", " "))
                    for key in ("record", "event", "user", "group")
                )
                return ImportReport(
                    [],
                    [
                        f"the database already holds a different plan ({counts}); "
                        "import only into an empty database"
                    ],
                    False,
                )
            changes = [
                f"add {_counted(len(records), 'record')}, {_counted(len(events), 'event')} and "
                f"{_counted(len(users), 'user')}"
            ]
            if groups:
                changes.append(
                    f"add {_counted(len(groups), 'saved group')} and "
                    f"{_counted(len(group_events), 'group event')}"
                )
            if dry_run:
                return ImportReport(changes, [], False)
            self._insert_all(connection, *parts)
        return ImportReport(changes, [], True)

    def _insert_all(self, connection, records, events, users, groups, group_events) -> None:
        if records:
            connection.execute(
                insert(RecordRow),
                [
                    {"iso3": r.iso3, "instrument": r.instrument}
                    | {name: getattr(r, name) for name in STORED}
                    for r in records
                ],
            )
        if users:
            connection.execute(insert(UserRow), [{"email": e, "role": r} for e, r in users])
        if groups:
            connection.execute(
                insert(GroupRow),
                [
                    vars(group)
                    | {
                        "name_key": name_key(group.name) if group.name else None,
                        "codes": codes_text(group.codes),
                    }
                    for group in groups
                ],
            )
        for table, rows in ((EventRow, events), (GroupEventRow, group_events)):
            if rows:
                connection.execute(insert(table), [vars(row) for row in rows])
        if connection.dialect.name == "postgresql":  # new ids go on from the largest imported
            for table, rows in (
                (EventRow, events),
                (GroupRow, groups),
                (GroupEventRow, group_events),
            ):
                if rows:
                    sequence = func.pg_get_serial_sequence(table.__tablename__, "id")
                    connection.execute(select(func.setval(sequence, max(row.id for row in rows))))

    def records_csv(self, instrument: str) -> bytes:
        """Every known state's plan for one instrument as CSV, headed by a sensitivity comment."""
        return records_csv.to_csv(self.records(instrument).values())

    def import_records_csv(
        self, data: bytes, instrument: str, who: str, dry_run: bool
    ) -> ImportReport:
        """Apply a CSV of records as saves; nothing is written if any row is wrong.

        Each row's version must be the record's current one (it was exported from this plan);
        a save by someone else while the rows are applied undoes them all and is reported.
        """
        rows, errors = records_csv.parse(data)
        if instrument not in self.known_instruments:
            errors.append(f"unknown instrument {instrument!r}")
        changes: list[str] = []
        saves: list[tuple[str, dict, int]] = []
        with self._writer.begin() as connection:
            current = self._records(connection, instrument)
            seen: set[str] = set()
            for number, row in rows:
                iso3, problems = row["iso3"], []
                try:
                    clean = self._checked(iso3, instrument, {f: row[f] for f in FIELDS}, who)
                except PlanValidationError as error:
                    problems, clean = error.problems, {}
                if iso3 in seen:
                    problems.append(f"{iso3} is listed twice")
                seen.add(iso3)
                version = int(row["version"]) if row["version"].isdigit() else None
                if version is None:
                    problems.append(f"version {row['version']!r} is not a whole number")
                elif iso3 in current and current[iso3].version != version:
                    problems.append(
                        f"{iso3} is at version {current[iso3].version}, not {version} as in the "
                        "file: someone saved it since the export; export again and redo the change"
                    )
                if problems:
                    errors.extend(f"row {number}: {problem}" for problem in problems)
                    continue
                diff = {f: v for f, v in clean.items() if v != getattr(current[iso3], f)}
                changes.extend(
                    f"row {number} ({iso3}): {field} {_shown(getattr(current[iso3], field))} → "
                    f"{_shown(value)}"
                    for field, value in diff.items()
                )
                if diff:
                    saves.append((iso3, diff, version))
            if errors or dry_run or not saves:
                return ImportReport(changes, errors, False)
            try:
                with connection.begin_nested():
                    for iso3, diff, version in saves:
                        self._save(connection, current[iso3], diff, version, who)
            except PlanConflictError as error:
                return ImportReport(changes, [str(error)], False)
        return ImportReport(changes, [], True)
