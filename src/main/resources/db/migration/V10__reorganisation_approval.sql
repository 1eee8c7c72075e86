-- A merger or dissolution moves and revokes thousands of things at once: a province may require a
-- second registrar to approve its start, like any other bulk operation.
INSERT INTO approval_rule (action, four_eyes, version) VALUES ('REORGANISATION', FALSE, 0);
