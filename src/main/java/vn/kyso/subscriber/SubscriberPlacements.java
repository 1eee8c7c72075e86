package vn.kyso.subscriber;

import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.kyso.common.db.Db;

/**
 * Which agency each subscriber belonged to, from when to when; written with the change, so a report
 * on a past period counts a subscriber who has since moved under the agency of that time.
 */
@Component
public class SubscriberPlacements {

    private final JdbcClient jdbc;
    private final Db db;
    private final ApplicationEventPublisher events;

    SubscriberPlacements(JdbcClient jdbc, Db db, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.db = db;
        this.events = events;
    }

    /** Published inside the moving transaction, so what other features keep per agency moves with it. */
    public record Moved(long subscriberId, long agencyId) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void placed(long subscriberId, long agencyId, Instant at) {
        jdbc.sql("INSERT INTO subscriber_placement (subscriber_id, agency_id, valid_from) VALUES (:s, :a, :at)")
                .param("s", subscriberId).param("a", agencyId).param("at", db.instant(at)).update();
    }

    /** Ends the current placement and starts one under {@code agencyId}; nothing happens if it did not change. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void moved(long subscriberId, long agencyId, Instant at) {
        int ended = jdbc.sql("""
                UPDATE subscriber_placement SET valid_to = :at
                WHERE subscriber_id = :s AND valid_to IS NULL AND agency_id <> :a""")
                .param("s", subscriberId).param("a", agencyId).param("at", db.instant(at)).update();
        if (ended > 0) {
            placed(subscriberId, agencyId, at);
        }
        // also without a placement that ended: rows written before placements were recorded
        events.publishEvent(new Moved(subscriberId, agencyId));
    }
}
