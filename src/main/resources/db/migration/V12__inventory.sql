-- Counting a province's certificates joined certificate -> subscriber -> agency row by row: about
-- a second at national scale. The certificate row now carries its subscriber's agency (kept by
-- SubscriberPlacements.moved, the one place a subscriber changes agency), and the indexes below
-- answer each inventory count from the index alone, one range per agency in the subtree.
-- Nullable only because SQLite cannot add a NOT NULL column with a reference; Kyso always fills it.
ALTER TABLE certificate ADD COLUMN agency_id BIGINT REFERENCES agency (id);
UPDATE certificate SET agency_id = (SELECT s.agency_id FROM subscriber s WHERE s.id = certificate.subscriber_id);
CREATE INDEX certificate_agency ON certificate (agency_id, status, not_after, not_before);

DROP INDEX token_custodian;
CREATE INDEX token_custodian ON token (custodian_agency_id, state, model_id, holder_subscriber_id);

DROP INDEX subscriber_agency;
CREATE INDEX subscriber_agency ON subscriber (agency_id, status);

-- what went wrong with tokens in a period, counted where each token was when it happened
CREATE INDEX token_event_custodian ON token_event (custodian_agency_id, to_state, occurred_at, token_id);
