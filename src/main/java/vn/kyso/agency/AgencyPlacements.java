package vn.kyso.agency;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.kyso.common.db.Db;

/**
 * The tree's history: each agency's path from when to when. Written in the same transaction as the
 * change it records, by every code path that places or moves an agency.
 */
@Component
public class AgencyPlacements {

    private final JdbcClient jdbc;
    private final Db db;

    AgencyPlacements(JdbcClient jdbc, Db db) {
        this.jdbc = jdbc;
        this.db = db;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void placed(long agencyId, String path, Instant at) {
        jdbc.sql("INSERT INTO agency_placement (agency_id, path, valid_from) VALUES (:id, :path, :at)")
                .param("id", agencyId).param("path", path).param("at", db.instant(at)).update();
    }

    /** After a subtree moved to {@code newPrefix}: its old placements end and the current paths begin. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void moved(String newPrefix, Instant at) {
        String end = AgencyScope.end(newPrefix);
        jdbc.sql("""
                UPDATE agency_placement SET valid_to = :at
                WHERE valid_to IS NULL AND agency_id IN (SELECT id FROM agency WHERE path >= :lo AND path < :hi)""")
                .param("at", db.instant(at)).param("lo", newPrefix).param("hi", end).update();
        jdbc.sql("""
                INSERT INTO agency_placement (agency_id, path, valid_from)
                SELECT id, path, :at FROM agency WHERE path >= :lo AND path < :hi""")
                .param("at", db.instant(at)).param("lo", newPrefix).param("hi", end).update();
    }
}
