-- The trigram index of V11 intersects one list per three letters of the needle, and the letters of
-- common names ("ngu", "uye", "van") are in most rows: a search for "Nguyễn Văn An" read hundreds of
-- thousands of entries at national scale. Instead each folded name is kept from every word to its
-- end ("nguyen van an", "van an", "an"), so a name search is one range of a B-tree: the names with a
-- word that starts with the needle. Kept by vn.kyso.certificate.CertificateNames.
${drop_certificate_trigram}

CREATE TABLE certificate_name_word (
    words           VARCHAR(300) ${collate_c} NOT NULL,
    certificate_id  BIGINT       NOT NULL REFERENCES certificate (id),
    PRIMARY KEY (words, certificate_id)
)${without_rowid};

INSERT INTO certificate_name_word (words, certificate_id)
WITH RECURSIVE word (id, rest) AS (
    SELECT id, CAST(search_key AS VARCHAR(300)) FROM certificate WHERE search_key <> ''
    UNION ALL
    SELECT id, CAST(substr(rest, ${instr}(rest, ' ') + 1) AS VARCHAR(300)) FROM word WHERE ${instr}(rest, ' ') > 0
)
SELECT DISTINCT rest, id FROM word;
