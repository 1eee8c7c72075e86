-- Signing a CRL reads every revoked or on-hold certificate of a CA that has not expired. Through
-- certificate_ca_status that meant reading ~100,000 whole rows (each with its ~1 KB DER) scattered
-- over a table of millions: seconds at national scale. This partial index holds only those
-- certificates and every column the CRL needs, so the query reads the index alone.
CREATE INDEX certificate_crl ON certificate (ca_id, not_after, serial, revoked_at, revocation_reason, invalidity_date)
    WHERE status IN ('REVOKED', 'ON_HOLD');
