-- Certificate authorities Kyso knows: its own (BUILT_IN, keys in the key store, never here) and
-- outside ones (OUTSIDE: certificates are imported, revocation comes from their CRLs).
CREATE TABLE ca (
    id                  ${pk},
    name                VARCHAR(64)   NOT NULL UNIQUE,
    kind                VARCHAR(16)   NOT NULL,
    subject_dn          VARCHAR(1000) NOT NULL,
    -- SHA-1 of the subject public key (RFC 5280 key identifier method 1): how CRLs and OCSP name issuers
    key_hash            CHAR(40)      NOT NULL,
    certificate         ${blob}       NOT NULL,
    parent_id           BIGINT        REFERENCES ca (id),
    crl_number          BIGINT        NOT NULL,
    -- bumped by every revocation of a certificate of this CA: a cached CRL older than this is stale
    revocation_version  BIGINT        NOT NULL,
    crl_this_update     ${instant},
    crl_next_update     ${instant},
    created_at          ${instant}    NOT NULL
);
CREATE INDEX ca_key_hash ON ca (key_hash);

CREATE TABLE trust_anchor (
    id           ${pk},
    name         VARCHAR(200)  NOT NULL UNIQUE,
    subject_dn   VARCHAR(1000) NOT NULL,
    sha256       CHAR(64)      NOT NULL UNIQUE,
    certificate  ${blob}       NOT NULL,
    not_after    ${instant}    NOT NULL,
    created_at   ${instant}    NOT NULL
);

CREATE TABLE certificate (
    id                  ${pk},
    serial              VARCHAR(64)   NOT NULL UNIQUE,
    ca_id               BIGINT        NOT NULL REFERENCES ca (id),
    subscriber_id       BIGINT        NOT NULL REFERENCES subscriber (id),
    profile             VARCHAR(32),
    source              VARCHAR(16)   NOT NULL,
    storage             VARCHAR(16)   NOT NULL,
    subject_dn          VARCHAR(1000) NOT NULL,
    common_name         VARCHAR(300),
    search_key          VARCHAR(300)  NOT NULL,
    not_before          ${instant}    NOT NULL,
    not_after           ${instant}    NOT NULL,
    key_algorithm       VARCHAR(16)   NOT NULL,
    key_size            INTEGER       NOT NULL,
    spki_sha256         CHAR(64)      NOT NULL,
    der                 ${blob}       NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    revoked_at          ${instant},
    revocation_reason   VARCHAR(32),
    -- the Vietnamese case (Decree 68, Art. 17) the reason was derived from, for the yearly report
    revocation_case     VARCHAR(32),
    invalidity_date     ${instant},
    revocation_comment  VARCHAR(1000),
    replaces_id         BIGINT        REFERENCES certificate (id),
    renewal_count       INTEGER       NOT NULL,
    version             BIGINT        NOT NULL,
    created_at          ${instant}    NOT NULL,
    updated_at          ${instant}    NOT NULL
);
CREATE INDEX certificate_ca_status ON certificate (ca_id, status);
CREATE INDEX certificate_subscriber ON certificate (subscriber_id);
CREATE INDEX certificate_not_after ON certificate (not_after);
CREATE INDEX certificate_search ON certificate (search_key);
CREATE INDEX certificate_spki ON certificate (spki_sha256);
CREATE INDEX certificate_replaces ON certificate (replaces_id);

-- What outside CRLs say, including serials Kyso holds no certificate for: the verifier needs both.
CREATE TABLE crl_entry (
    ca_id       BIGINT       NOT NULL REFERENCES ca (id),
    serial      VARCHAR(64)  NOT NULL,
    revoked_at  ${instant}   NOT NULL,
    reason      VARCHAR(32),
    PRIMARY KEY (ca_id, serial)
);
