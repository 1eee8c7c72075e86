package vn.kyso.certificate;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kyso.subscriber.SubscriberPlacements;

/** Keeps each certificate's agency with its subscriber's, in the transaction that moves the subscriber. */
@Component
class CertificateAgency {

    private final JdbcClient jdbc;

    CertificateAgency(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(SubscriberPlacements.Moved moved) {
        // not a change of the certificate itself: its version and audit trail stay as they are
        jdbc.sql("UPDATE certificate SET agency_id = :a WHERE subscriber_id = :s AND (agency_id IS NULL OR agency_id <> :a)")
                .param("a", moved.agencyId()).param("s", moved.subscriberId()).update();
    }
}
