package vn.kyso.token;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kyso.certificate.CertificateService;
import vn.kyso.certificate.RevocationCase;
import vn.kyso.common.ApiException;
import vn.kyso.common.db.Db;
import vn.kyso.subscriber.Subscriber;
import vn.kyso.subscriber.SubscriberService;
import vn.kyso.subscriber.SubscriberStatus;

/**
 * A subscriber leaves (retirement, resignation, a move, death, dissolution): what must follow is
 * listed, and, unless it is a dry run, done: the subscriber's status changes and every active
 * certificate is revoked for the matching reason. Tokens are listed for the managing body to
 * recover: taking a device back is a physical act, recorded with the token's own "return" move.
 */
@Service
public class Departures {

    private final SubscriberService subscribers;
    private final CertificateService certificates;
    private final JdbcClient jdbc;
    private final Db db;
    private final Clock clock;

    public Departures(SubscriberService subscribers, CertificateService certificates, JdbcClient jdbc, Db db,
            Clock clock) {
        this.subscribers = subscribers;
        this.certificates = certificates;
        this.jdbc = jdbc;
        this.db = db;
        this.clock = clock;
    }

    public record Request(SubscriberStatus status, Boolean dryRun) {
    }

    public record TokenToRecover(String serial, TokenState state) {
    }

    public record Result(long subscriberId, SubscriberStatus status, boolean dryRun, List<TokenToRecover> tokensToRecover,
            List<String> certificatesToRevoke, List<String> revoked) {
    }

    @Transactional
    public Result leave(long subscriberId, Request request) {
        if (request.status() == null || request.status() == SubscriberStatus.ACTIVE) {
            throw ApiException.badField("status", "error.subscriber.leaveStatus");
        }
        boolean dryRun = !Boolean.FALSE.equals(request.dryRun());
        Subscriber subscriber = subscribers.get(subscriberId);
        Instant now = clock.instant();
        List<TokenToRecover> tokens = jdbc.sql("""
                SELECT serial, state FROM token WHERE holder_subscriber_id = :id
                AND state IN ('IN_USE', 'LOCKED', 'RESTORE_REQUESTED') ORDER BY serial""")
                .param("id", subscriberId)
                .query((rs, n) -> new TokenToRecover(rs.getString("serial"), TokenState.valueOf(rs.getString("state"))))
                .list();
        List<Long> certificateIds = new ArrayList<>();
        List<String> serials = new ArrayList<>();
        jdbc.sql("""
                SELECT id, serial FROM certificate WHERE subscriber_id = :id AND status <> 'REVOKED'
                AND not_after > :now ORDER BY serial""")
                .param("id", subscriberId).param("now", db.instant(now))
                .query(rs -> {
                    certificateIds.add(rs.getLong("id"));
                    serials.add(rs.getString("serial"));
                });
        List<String> revoked = List.of();
        if (!dryRun) {
            subscribers.changeStatus(subscriber.id(), request.status());
            RevocationCase revocationCase = switch (request.status()) {
                case RETIRED -> RevocationCase.RETIRED;
                case RESIGNED -> RevocationCase.RESIGNED;
                case MOVED -> RevocationCase.POSITION_CHANGED;
                case DECEASED -> RevocationCase.DECEASED;
                default -> RevocationCase.ORGANIZATION_DISSOLVED;
            };
            revoked = certificates.revokeForDeparture(certificateIds, revocationCase, now);
        }
        return new Result(subscriberId, request.status(), dryRun, tokens, serials, revoked);
    }
}
