"""The throwaway PostgreSQL cluster: fresh isolated databases, bound parameters, loopback only."""

from urllib.parse import parse_qs, urlsplit

import pytest
import sqlalchemy as sa

from postgres import postgres_url

pytestmark = pytest.mark.postgres  # each test asks the cluster for its databases itself
LOOPBACK = {"localhost", "127.0.0.1", "::1"}


def test_each_url_is_a_fresh_database_of_its_own():
    first, second = postgres_url(), postgres_url()
    assert first != second
    metadata = sa.MetaData()
    pledges = sa.Table(
        "pledges",
        metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("country", sa.Text, nullable=False),
    )
    engine, other = sa.create_engine(first), sa.create_engine(second)
    try:
        metadata.create_all(engine)
        with engine.begin() as connection:
            connection.execute(sa.insert(pledges), {"country": "Côte d'Ivoire"})
        with engine.connect() as connection:
            found = connection.execute(
                sa.text("SELECT id, country FROM pledges WHERE country = :country"),
                {"country": "Côte d'Ivoire"},
            ).all()
        assert [tuple(row) for row in found] == [(1, "Côte d'Ivoire")]
        assert sa.inspect(other).get_table_names() == []
    finally:
        engine.dispose()
        other.dispose()


def test_server_listens_only_on_its_private_socket_or_loopback():
    url = postgres_url()
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            listen = connection.execute(sa.text("SHOW listen_addresses")).scalar_one()
            sockets = connection.execute(sa.text("SHOW unix_socket_directories")).scalar_one()
    finally:
        engine.dispose()
    addresses = {address.strip() for address in listen.split(",") if address.strip()}
    assert addresses <= LOOPBACK
    assert sockets == parse_qs(urlsplit(url).query)["host"][0]
