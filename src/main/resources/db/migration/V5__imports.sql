-- Imports of what a province already holds: one job per uploaded file. The file itself is kept
-- with its hash, so the real run applies exactly the bytes the dry run planned.
CREATE TABLE import_job (
    id            VARCHAR(36)   PRIMARY KEY,
    kind          VARCHAR(16)   NOT NULL,
    file_name     VARCHAR(255),
    file_sha256   CHAR(64)      NOT NULL,
    file_size     BIGINT        NOT NULL,
    content       ${blob}       NOT NULL,
    -- how the text was read: UTF-8, UTF-8 with BOM, windows-1258, TCVN3, xlsx, certificates
    encoding      VARCHAR(32),
    status        VARCHAR(16)   NOT NULL,
    total_rows    INTEGER       NOT NULL,
    -- counts per outcome and the row-by-row plan (then result), as JSON
    counts        TEXT          NOT NULL,
    plan          TEXT          NOT NULL,
    plan_sha256   CHAR(64)      NOT NULL,
    -- the audit chain's length when the dry run read the database: unchanged, no record has changed since
    audit_seq     BIGINT,
    message       TEXT,
    created_by    VARCHAR(64)   NOT NULL,
    created_at    ${instant}    NOT NULL,
    applied_by    VARCHAR(64),
    started_at    ${instant},
    finished_at   ${instant}
);
CREATE INDEX import_job_created ON import_job (created_at);
