-- Mergers and dissolutions of agencies, run as tracked jobs: the dry run's plan is kept with its
-- fingerprint, the real run applies exactly that plan and records each item's outcome.
CREATE TABLE reorganisation (
    id             VARCHAR(36)   PRIMARY KEY,
    kind           VARCHAR(16)   NOT NULL,
    request        TEXT          NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    total_items    INTEGER       NOT NULL,
    done_items     INTEGER       NOT NULL,
    failed_items   INTEGER       NOT NULL,
    plan           TEXT          NOT NULL,
    plan_sha256    CHAR(64)      NOT NULL,
    result         TEXT,
    created_by     VARCHAR(64)   NOT NULL,
    created_at     ${instant}    NOT NULL,
    started_by     VARCHAR(64),
    started_at     ${instant},
    finished_at    ${instant}
);
CREATE INDEX reorganisation_created ON reorganisation (created_at);
