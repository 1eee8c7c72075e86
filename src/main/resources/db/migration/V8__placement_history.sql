-- Where each agency stood in the tree, and which agency each subscriber belonged to, over time.
-- Reports for a past period count by the tree and memberships of that period, not of today, so a
-- later move or merger does not change figures already sent up. valid_to is null while current.
CREATE TABLE agency_placement (
    id          ${pk},
    agency_id   BIGINT        NOT NULL REFERENCES agency (id),
    path        VARCHAR(1000) ${collate_c} NOT NULL,
    valid_from  ${instant}    NOT NULL,
    valid_to    ${instant}
);
CREATE INDEX agency_placement_path ON agency_placement (path, valid_from);
CREATE INDEX agency_placement_agency ON agency_placement (agency_id, valid_from);

CREATE TABLE subscriber_placement (
    id             ${pk},
    subscriber_id  BIGINT      NOT NULL REFERENCES subscriber (id),
    agency_id      BIGINT      NOT NULL REFERENCES agency (id),
    valid_from     ${instant}  NOT NULL,
    valid_to       ${instant}
);
CREATE INDEX subscriber_placement_subscriber ON subscriber_placement (subscriber_id, valid_from);
CREATE INDEX subscriber_placement_agency ON subscriber_placement (agency_id, valid_from);

-- What exists already has stood where it stands since it was created.
INSERT INTO agency_placement (agency_id, path, valid_from) SELECT id, path, created_at FROM agency;
INSERT INTO subscriber_placement (subscriber_id, agency_id, valid_from) SELECT id, agency_id, created_at FROM subscriber;
