-- One schema for SQLite and PostgreSQL. Type differences are Flyway placeholders filled in by
-- vn.kyso.common.db.DatabaseConfig: ${pk}, ${instant}, ${date}, ${collate_c}.

CREATE TABLE agency (
    id            ${pk},
    code          VARCHAR(40)   NOT NULL UNIQUE,
    name          VARCHAR(300)  NOT NULL,
    search_key    VARCHAR(300)  NOT NULL,
    parent_id     BIGINT        REFERENCES agency (id),
    -- materialised path of codes, '/ROOT/CHILD/'; byte-ordered so a subtree is one index range
    path          VARCHAR(1000) ${collate_c} NOT NULL UNIQUE,
    depth         INTEGER       NOT NULL,
    tax_code      VARCHAR(14),
    budget_code   VARCHAR(7),
    province      VARCHAR(100),
    email         VARCHAR(254),
    address       VARCHAR(500),
    status        VARCHAR(16)   NOT NULL,
    successor_id  BIGINT        REFERENCES agency (id),
    version       BIGINT        NOT NULL,
    created_at    ${instant}    NOT NULL,
    updated_at    ${instant}    NOT NULL
);
CREATE INDEX agency_parent ON agency (parent_id);
CREATE INDEX agency_search ON agency (search_key);

CREATE TABLE subscriber (
    id                       ${pk},
    type                     VARCHAR(16)  NOT NULL,
    agency_id                BIGINT       NOT NULL REFERENCES agency (id),
    full_name                VARCHAR(300) NOT NULL,
    search_key               VARCHAR(300) NOT NULL,
    email                    VARCHAR(254) NOT NULL,
    national_id              VARCHAR(12),
    national_id_issue_date   ${date},
    national_id_issue_place  VARCHAR(200),
    date_of_birth            ${date},
    position                 VARCHAR(200),
    phone                    VARCHAR(20),
    tax_code                 VARCHAR(14),
    budget_code              VARCHAR(7),
    address                  VARCHAR(500),
    province                 VARCHAR(100),
    status                   VARCHAR(16)  NOT NULL,
    version                  BIGINT       NOT NULL,
    created_at               ${instant}   NOT NULL,
    updated_at               ${instant}   NOT NULL
);
CREATE INDEX subscriber_agency ON subscriber (agency_id);
CREATE INDEX subscriber_search ON subscriber (search_key);
CREATE INDEX subscriber_email ON subscriber (email);
CREATE UNIQUE INDEX subscriber_national_id ON subscriber (national_id) WHERE national_id IS NOT NULL;

CREATE TABLE app_user (
    id             ${pk},
    username       VARCHAR(64)  NOT NULL UNIQUE,
    password_hash  VARCHAR(255) NOT NULL,
    full_name      VARCHAR(200) NOT NULL,
    roles          VARCHAR(200) NOT NULL,
    agency_id      BIGINT       REFERENCES agency (id),
    enabled        BOOLEAN      NOT NULL,
    failed_logins  INTEGER      NOT NULL,
    locked_until   ${instant},
    version        BIGINT       NOT NULL,
    created_at     ${instant}   NOT NULL,
    updated_at     ${instant}   NOT NULL
);

-- Append-only, hash-chained. No foreign keys: an entry must outlive whatever it describes.
CREATE TABLE audit_entry (
    seq           BIGINT       PRIMARY KEY,
    occurred_at   ${instant}   NOT NULL,
    actor         VARCHAR(64)  NOT NULL,
    action        VARCHAR(64)  NOT NULL,
    entity_type   VARCHAR(32)  NOT NULL,
    entity_id     VARCHAR(128),
    agency_id     BIGINT,
    before_state  TEXT,
    after_state   TEXT,
    request_id    VARCHAR(64),
    prev_hash     CHAR(64)     NOT NULL,
    hash          CHAR(64)     NOT NULL
);
CREATE INDEX audit_entry_time ON audit_entry (occurred_at);
CREATE INDEX audit_entry_entity ON audit_entry (entity_type, entity_id);
CREATE INDEX audit_entry_actor ON audit_entry (actor);

-- The chain's head: one row, updated by every append. Updating it first serialises appenders on
-- both databases (row lock on PostgreSQL, the write lock on SQLite) and lets verification notice
-- entries cut off the end.
CREATE TABLE audit_head (
    id    INTEGER  PRIMARY KEY,
    seq   BIGINT   NOT NULL,
    hash  CHAR(64) NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
