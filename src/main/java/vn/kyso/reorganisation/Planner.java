package vn.kyso.reorganisation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kyso.agency.Agency;
import vn.kyso.agency.AgencyService;
import vn.kyso.agency.AgencyStatus;
import vn.kyso.common.ApiException;
import vn.kyso.common.Messages;
import vn.kyso.common.db.Db;
import vn.kyso.reorganisation.Reorganisation.Item;
import vn.kyso.reorganisation.Reorganisation.Kind;
import vn.kyso.reorganisation.Reorganisation.Outcome;
import vn.kyso.reorganisation.Reorganisation.Request;
import vn.kyso.reorganisation.Reorganisation.Step;

/**
 * Reads what the closing bodies hold now and lists, item by item, what the reorganisation will do
 * with each: the dry run shows this list, and the real run first makes it again and refuses to
 * start if it came out different.
 */
@Component
class Planner {

    private final AgencyService agencies;
    private final JdbcClient jdbc;
    private final Db db;
    private final Messages messages;
    private final Clock clock;

    Planner(AgencyService agencies, JdbcClient jdbc, Db db, Messages messages, Clock clock) {
        this.agencies = agencies;
        this.jdbc = jdbc;
        this.db = db;
        this.messages = messages;
        this.clock = clock;
    }

    List<Item> plan(Request request) {
        Set<String> codes = new LinkedHashSet<>();
        request.sources().forEach(c -> codes.add(AgencyService.normalizeCode(c)));
        List<Agency> sources = codes.stream().map(agencies::get).toList();
        Agency successor = successor(request, sources);
        boolean merge = request.kind() == Kind.MERGE;
        boolean revoke = Boolean.TRUE.equals(request.revokeOrganizationCertificates());
        String to = successor == null ? null : successor.code();

        List<Item> items = new ArrayList<>();
        for (Agency source : sources) {
            if (source.status() != AgencyStatus.ACTIVE) {
                throw ApiException.conflictOn("sources", "error.agency.inactive", source.code());
            }
            String from = source.code();
            for (Member org : members(source, true)) {
                for (Named cert : certificates(org.id())) {
                    items.add(item(revoke ? Step.REVOKE_CERTIFICATE : Step.KEEP_CERTIFICATE, cert.ref(), cert.label(),
                            from, null, revoke ? Outcome.WILL : Outcome.LISTED));
                }
                items.add(item(Step.CLOSE_SUBSCRIBER, String.valueOf(org.id()), org.name(), from, null, Outcome.WILL));
            }
            for (Member person : members(source, false)) {
                items.add(merge ? item(Step.MOVE_SUBSCRIBER, String.valueOf(person.id()), person.name(), from, to,
                        Outcome.WILL)
                        : blocked(Step.MOVE_SUBSCRIBER, String.valueOf(person.id()), person.name(), from,
                                "reorganisation.blocked.subscriber"));
            }
            for (Named token : tokens(source)) {
                items.add(merge ? item(Step.MOVE_TOKEN, token.ref(), token.label(), from, to, Outcome.WILL)
                        : blocked(Step.MOVE_TOKEN, token.ref(), token.label(), from, "reorganisation.blocked.token"));
            }
            for (Named child : children(source)) {
                if (codes.contains(child.ref())) {
                    continue;
                }
                items.add(merge ? item(Step.MOVE_AGENCY, child.ref(), child.label(), from, to, Outcome.WILL)
                        : blocked(Step.MOVE_AGENCY, child.ref(), child.label(), from, "reorganisation.blocked.agency"));
            }
        }
        for (Agency source : sources) {
            items.add(item(Step.CLOSE_AGENCY, source.code(), source.name(), source.code(), to, Outcome.WILL));
        }
        return items;
    }

    private Agency successor(Request request, List<Agency> sources) {
        if (request.kind() == Kind.DISSOLVE) {
            if (request.successor() != null && !request.successor().isBlank()) {
                throw ApiException.badField("successor", "error.reorganisation.noSuccessorForDissolve");
            }
            return null;
        }
        if (request.successor() == null || request.successor().isBlank()) {
            throw ApiException.badField("successor", "error.reorganisation.successorRequired");
        }
        Agency successor = agencies.get(AgencyService.normalizeCode(request.successor()));
        if (successor.status() != AgencyStatus.ACTIVE) {
            throw ApiException.conflictOn("successor", "error.agency.inactive", successor.code());
        }
        for (Agency source : sources) {
            // the successor may not be one of the closing bodies, nor stand inside one
            if (successor.isWithin(source.path())) {
                throw ApiException.badField("successor", "error.reorganisation.successorInside", successor.code(),
                        source.code());
            }
        }
        return successor;
    }

    private record Member(long id, String name) {
    }

    private record Named(String ref, String label) {
    }

    private List<Member> members(Agency agency, boolean organisations) {
        return jdbc.sql("SELECT id, full_name FROM subscriber WHERE agency_id = :a AND status = 'ACTIVE' AND "
                + (organisations ? "type = 'ORGANIZATION'" : "type <> 'ORGANIZATION'") + " ORDER BY id")
                .param("a", agency.id()).query((rs, n) -> new Member(rs.getLong(1), rs.getString(2))).list();
    }

    private List<Named> certificates(long subscriberId) {
        return jdbc.sql("SELECT serial, common_name FROM certificate WHERE subscriber_id = :s AND status <> 'REVOKED'"
                + " AND not_after > :now ORDER BY serial").param("s", subscriberId)
                .param("now", db.instant(clock.instant()))
                .query((rs, n) -> new Named(rs.getString(1), rs.getString(2))).list();
    }

    private List<Named> tokens(Agency agency) {
        return jdbc.sql("SELECT serial, state FROM token WHERE custodian_agency_id = :a ORDER BY serial")
                .param("a", agency.id()).query((rs, n) -> new Named(rs.getString(1), rs.getString(2))).list();
    }

    private List<Named> children(Agency agency) {
        return jdbc.sql("SELECT code, name FROM agency WHERE parent_id = :a AND status = 'ACTIVE' ORDER BY code")
                .param("a", agency.id()).query((rs, n) -> new Named(rs.getString(1), rs.getString(2))).list();
    }

    private static Item item(Step step, String ref, String label, String from, String to, Outcome outcome) {
        return new Item(step, ref, label, from, to, outcome, null);
    }

    private Item blocked(Step step, String ref, String label, String from, String key) {
        return new Item(step, ref, label, from, null, Outcome.BLOCKED, messages.both(key, ref));
    }
}
