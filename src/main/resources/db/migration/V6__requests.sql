-- Certification requests (yêu cầu chứng thực, Mẫu 01–06) tracked against their deadline in working
-- days; the holiday calendar that counts them; four-eyes approvals; expiry notices sent to agencies.

CREATE TABLE request (
    id                ${pk},
    kind              VARCHAR(24)   NOT NULL,
    -- the managing body that files the request (or that it concerns, when police or prosecutors file it)
    agency_id         BIGINT        NOT NULL REFERENCES agency (id),
    filed_by          VARCHAR(16)   NOT NULL,
    -- the letter's own number and date as the agency wrote them, e.g. 45/SYT-VP
    reference         VARCHAR(100),
    signer_name       VARCHAR(200)  NOT NULL,
    signer_position   VARCHAR(200),
    contact_name      VARCHAR(200)  NOT NULL,
    contact_phone     VARCHAR(20),
    contact_email     VARCHAR(254),
    note              VARCHAR(1000),
    status            VARCHAR(24)   NOT NULL,
    received_at       ${instant}    NOT NULL,
    -- last working day to finish; null for a kind the rules give no processing time
    due_on            ${date},
    check_note        VARCHAR(1000),
    rejection_reason  VARCHAR(1000),
    closed_at         ${instant},
    created_by        VARCHAR(64)   NOT NULL,
    version           BIGINT        NOT NULL,
    created_at        ${instant}    NOT NULL,
    updated_at        ${instant}    NOT NULL
);
CREATE INDEX request_agency ON request (agency_id, status);
CREATE INDEX request_status_due ON request (status, due_on);
CREATE INDEX request_received ON request (received_at);

-- The rows of the form: which columns are filled depends on the kind (see RequestKind).
CREATE TABLE request_item (
    id                      ${pk},
    request_id              BIGINT        NOT NULL REFERENCES request (id),
    position                INTEGER       NOT NULL,
    subscriber_id           BIGINT        REFERENCES subscriber (id),
    certificate_serial      VARCHAR(64),
    token_serial            VARCHAR(64),
    old_certificate_serial  VARCHAR(64),
    change_kind             VARCHAR(24),
    changed_field           VARCHAR(100),
    new_value               VARCHAR(500),
    revocation_case         VARCHAR(32),
    identity_number         VARCHAR(14),
    collection_contact      VARCHAR(300),
    UNIQUE (request_id, position)
);

-- The signed request letter as uploaded, and what Kyso's verifier said about it.
CREATE TABLE request_letter (
    request_id          BIGINT        PRIMARY KEY REFERENCES request (id),
    file_name           VARCHAR(255),
    size                BIGINT        NOT NULL,
    sha256              CHAR(64)      NOT NULL,
    content             ${blob}       NOT NULL,
    format              VARCHAR(16)   NOT NULL,
    verification_id     VARCHAR(36)   NOT NULL REFERENCES verification (id),
    indication          VARCHAR(24)   NOT NULL,
    sub_indication      VARCHAR(40),
    signer_name         VARCHAR(300),
    signer_agency_code  VARCHAR(40),
    signer_check        VARCHAR(16)   NOT NULL,
    uploaded_by         VARCHAR(64)   NOT NULL,
    uploaded_at         ${instant}    NOT NULL
);

-- The certificates and tokens a request produced or changed.
CREATE TABLE request_link (
    id              ${pk},
    request_id      BIGINT        NOT NULL REFERENCES request (id),
    item_position   INTEGER,
    certificate_id  BIGINT        REFERENCES certificate (id),
    token_id        BIGINT        REFERENCES token (id),
    linked_by       VARCHAR(64)   NOT NULL,
    linked_at       ${instant}    NOT NULL,
    UNIQUE (request_id, certificate_id),
    UNIQUE (request_id, token_id)
);
CREATE INDEX request_link_certificate ON request_link (certificate_id);
CREATE INDEX request_link_token ON request_link (token_id);

CREATE TABLE request_event (
    id           ${pk},
    request_id   BIGINT        NOT NULL REFERENCES request (id),
    action       VARCHAR(24)   NOT NULL,
    from_status  VARCHAR(24),
    to_status    VARCHAR(24)   NOT NULL,
    actor        VARCHAR(64)   NOT NULL,
    occurred_at  ${instant}    NOT NULL,
    note         VARCHAR(1000)
);
CREATE INDEX request_event_request ON request_event (request_id, occurred_at);

-- Days entered by an administrator for one year: days off (Tết, Hùng Kings, the day next to 2/9,
-- substitute days) and, with working = true, days worked in exchange or a default holiday cancelled.
-- The fixed-date public holidays come from configuration and need no row.
CREATE TABLE holiday (
    day         ${date}       PRIMARY KEY,
    name        VARCHAR(200)  NOT NULL,
    working     BOOLEAN       NOT NULL,
    updated_by  VARCHAR(64)   NOT NULL,
    updated_at  ${instant}    NOT NULL
);

-- Which actions need a second person. Off by default: a province turns them on.
CREATE TABLE approval_rule (
    action      VARCHAR(48)   PRIMARY KEY,
    four_eyes   BOOLEAN       NOT NULL,
    version     BIGINT        NOT NULL,
    updated_by  VARCHAR(64),
    updated_at  ${instant}
);
INSERT INTO approval_rule (action, four_eyes, version) VALUES ('ORGANIZATION_REVOCATION', FALSE, 0);
INSERT INTO approval_rule (action, four_eyes, version) VALUES ('BULK_REVOCATION', FALSE, 0);
INSERT INTO approval_rule (action, four_eyes, version) VALUES ('REQUEST_APPROVAL', FALSE, 0);

-- An action prepared by one person and waiting for another: the payload is the call exactly as
-- prepared, performed unchanged on approval.
CREATE TABLE pending_approval (
    id             ${pk},
    action         VARCHAR(48)   NOT NULL,
    entity_id      VARCHAR(128),
    agency_id      BIGINT        REFERENCES agency (id),
    payload        TEXT          NOT NULL,
    summary        TEXT          NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    prepared_by    VARCHAR(64)   NOT NULL,
    prepared_at    ${instant}    NOT NULL,
    decided_by     VARCHAR(64),
    decided_at     ${instant},
    decision_note  VARCHAR(1000),
    result         TEXT,
    version        BIGINT        NOT NULL
);
CREATE INDEX pending_approval_status ON pending_approval (status, prepared_at);
-- one open approval per thing: two registrars cannot queue the same revocation twice
CREATE UNIQUE INDEX pending_approval_open ON pending_approval (action, entity_id)
    WHERE status = 'PENDING' AND entity_id IS NOT NULL;

-- One row per certificate and threshold (60, 30, 7 days): each notice is given once, and the
-- e-mail is claimed before it is sent, so several instances never send the same one twice.
CREATE TABLE expiry_notice (
    id              ${pk},
    certificate_id  BIGINT        NOT NULL REFERENCES certificate (id),
    threshold_days  INTEGER       NOT NULL,
    agency_id       BIGINT        NOT NULL REFERENCES agency (id),
    not_after       ${instant}    NOT NULL,
    noticed_at      ${instant}    NOT NULL,
    email_to        VARCHAR(254),
    emailed_at      ${instant},
    UNIQUE (certificate_id, threshold_days)
);
CREATE INDEX expiry_notice_agency ON expiry_notice (agency_id, not_after);
