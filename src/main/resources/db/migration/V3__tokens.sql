-- USB tokens (thiết bị lưu khóa bí mật): where each one is, who holds it, and its whole history.

CREATE TABLE token_model (
    id              ${pk},
    code            VARCHAR(40)  NOT NULL UNIQUE,
    vendor          VARCHAR(100) NOT NULL,
    name            VARCHAR(200) NOT NULL,
    pin_min_length  INTEGER      NOT NULL,
    pin_max_length  INTEGER      NOT NULL,
    -- wrong PINs before the token locks; only the provider can restore it then
    max_pin_tries   INTEGER      NOT NULL,
    created_at      ${instant}   NOT NULL
);

CREATE TABLE token (
    id                    ${pk},
    serial                VARCHAR(64)   NOT NULL UNIQUE,
    model_id              BIGINT        NOT NULL REFERENCES token_model (id),
    batch                 VARCHAR(64),
    received_on           ${date},
    state                 VARCHAR(24)   NOT NULL,
    -- the agency that has it (allocated to it, or recovered by it); null while in the registrar's stock
    custodian_agency_id   BIGINT        REFERENCES agency (id),
    -- the subscriber it was handed over to, while it is with them
    holder_subscriber_id  BIGINT        REFERENCES subscriber (id),
    notes                 VARCHAR(1000),
    version               BIGINT        NOT NULL,
    created_at            ${instant}    NOT NULL,
    updated_at            ${instant}    NOT NULL
);
CREATE INDEX token_custodian ON token (custodian_agency_id, state);
CREATE INDEX token_holder ON token (holder_subscriber_id);
CREATE INDEX token_state ON token (state);

-- One row per move: who, when, why, and the custody that resulted.
CREATE TABLE token_event (
    id                    ${pk},
    token_id              BIGINT        NOT NULL REFERENCES token (id),
    action                VARCHAR(32)   NOT NULL,
    from_state            VARCHAR(24),
    to_state              VARCHAR(24)   NOT NULL,
    actor                 VARCHAR(64)   NOT NULL,
    occurred_at           ${instant}    NOT NULL,
    note                  VARCHAR(1000),
    custodian_agency_id   BIGINT        REFERENCES agency (id),
    holder_subscriber_id  BIGINT        REFERENCES subscriber (id),
    record_number         VARCHAR(40)
);
CREATE INDEX token_event_token ON token_event (token_id, occurred_at);
CREATE INDEX token_event_time ON token_event (to_state, occurred_at);

-- Biên bản bàn giao (Mẫu 07) and return records, as issued: the PDF is kept, not regenerated.
CREATE TABLE handover_record (
    id             ${pk},
    number         VARCHAR(40)   NOT NULL UNIQUE,
    kind           VARCHAR(16)   NOT NULL,
    token_id       BIGINT        NOT NULL REFERENCES token (id),
    agency_id      BIGINT        NOT NULL REFERENCES agency (id),
    subscriber_id  BIGINT        NOT NULL REFERENCES subscriber (id),
    occurred_at    ${instant}    NOT NULL,
    pdf            ${blob}       NOT NULL,
    sha256         CHAR(64)      NOT NULL,
    created_by     VARCHAR(64)   NOT NULL
);
CREATE INDEX handover_record_token ON handover_record (token_id);

ALTER TABLE certificate ADD COLUMN token_id BIGINT REFERENCES token (id);
CREATE INDEX certificate_token ON certificate (token_id);

-- The two token families in use; PIN rules per vendor documentation, editable by an administrator.
INSERT INTO token_model (code, vendor, name, pin_min_length, pin_max_length, max_pin_tries, created_at)
VALUES ('SAFENET-5110', 'Thales (SafeNet)', 'SafeNet eToken 5110', 6, 16, 15, ${now});
INSERT INTO token_model (code, vendor, name, pin_min_length, pin_max_length, max_pin_tries, created_at)
VALUES ('BIT4ID-TOKENME', 'Bit4id', 'Bit4id tokenME', 4, 16, 3, ${now});
