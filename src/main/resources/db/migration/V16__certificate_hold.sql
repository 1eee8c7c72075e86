-- Holds over time. A certificate put on hold and later released, or revoked for good, used to keep
-- only its present state, so a report on a period in which it was on hold counted it as active
-- once the hold was over. released_at is null while the hold lasts; a final revocation ends it.
CREATE TABLE certificate_hold (
    id              ${pk},
    certificate_id  BIGINT      NOT NULL REFERENCES certificate (id),
    held_at         ${instant}  NOT NULL,
    released_at     ${instant}
);
CREATE INDEX certificate_hold_certificate ON certificate_hold (certificate_id, held_at);

INSERT INTO certificate_hold (certificate_id, held_at) SELECT id, revoked_at FROM certificate WHERE status = 'ON_HOLD';
