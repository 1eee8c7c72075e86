-- Verifications: the receipt of every document checked, kept as evidence (the document's hash and
-- the full report, not the document itself).
CREATE TABLE verification (
    id               VARCHAR(36)   PRIMARY KEY,
    created_at       ${instant}    NOT NULL,
    actor            VARCHAR(100)  NOT NULL,
    file_name        VARCHAR(255),
    format           VARCHAR(16)   NOT NULL,
    document_sha256  CHAR(64)      NOT NULL,
    document_size    BIGINT        NOT NULL,
    indication       VARCHAR(24)   NOT NULL,
    sub_indication   VARCHAR(40),
    report           TEXT          NOT NULL
);
CREATE INDEX verification_actor ON verification (actor, created_at);
CREATE INDEX verification_document ON verification (document_sha256);

-- The validation policy an administrator set; no row means the safe defaults.
CREATE TABLE validation_policy (
    id          INTEGER       PRIMARY KEY,
    policy      TEXT          NOT NULL,
    updated_at  ${instant}    NOT NULL,
    updated_by  VARCHAR(100)  NOT NULL
);
