-- A name search shows its page ordered by expiry, so it read the certificate row of every match
-- to learn it: a full name asked for the first time read about a thousand rows scattered over the
-- file. Each entry of the name index now carries its certificate's not_after (which never changes)
-- as part of the key, so a plain name search orders, pages and counts from this index alone and
-- reads only the rows it shows.
CREATE TABLE certificate_name_entry (
    words           VARCHAR(300) ${collate_c} NOT NULL,
    not_after       ${instant}   NOT NULL,
    certificate_id  BIGINT       NOT NULL REFERENCES certificate (id),
    PRIMARY KEY (words, not_after, certificate_id)
)${without_rowid};

INSERT INTO certificate_name_entry (words, not_after, certificate_id)
SELECT w.words, c.not_after, w.certificate_id
FROM certificate_name_word w JOIN certificate c ON c.id = w.certificate_id;

DROP TABLE certificate_name_word;
