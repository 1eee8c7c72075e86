package vn.kyso.ca;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kyso.common.db.Db;

/**
 * When each certificate was on hold (certificateHold), kept beside its present state: a release
 * or a final revocation changes that state, and a report on a period the hold covered must still
 * see it. Written by a registrar's hold and release and by the CRLs of outside CAs, in their
 * transactions.
 */
@Component
public class Holds {

    private final JdbcClient jdbc;
    private final Db db;

    Holds(JdbcClient jdbc, Db db) {
        this.jdbc = jdbc;
        this.db = db;
    }

    public void held(long certificateId, Instant at) {
        jdbc.sql("INSERT INTO certificate_hold (certificate_id, held_at) VALUES (:id, :at)")
                .param("id", certificateId).param("at", db.instant(at)).update();
    }

    /** Ends the hold under way, by a release or by a revocation for good. */
    public void ended(long certificateId, Instant at) {
        jdbc.sql("UPDATE certificate_hold SET released_at = :at WHERE certificate_id = :id AND released_at IS NULL")
                .param("id", certificateId).param("at", db.instant(at)).update();
    }
}
