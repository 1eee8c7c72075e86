package vn.kyso.agency;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kyso.audit.AuditLog;
import vn.kyso.common.ApiException;
import vn.kyso.common.OfficialEmail;
import vn.kyso.common.PageResult;
import vn.kyso.common.Text;
import vn.kyso.common.Violations;

@Service
public class AgencyService {

    /** Province, department or district, commune, unit, sub-unit, with room to spare. */
    static final int MAX_DEPTH = 8;

    private final AgencyRepository agencies;
    private final AgencyScopes scopes;
    private final AuditLog audit;
    private final OfficialEmail officialEmail;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AgencyPlacements placements;

    public AgencyService(AgencyRepository agencies, AgencyScopes scopes, AuditLog audit, OfficialEmail officialEmail,
            JdbcClient jdbc, Clock clock, AgencyPlacements placements) {
        this.placements = placements;
        this.agencies = agencies;
        this.scopes = scopes;
        this.audit = audit;
        this.officialEmail = officialEmail;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Agency create(AgencyRequest request) {
        Violations violations = new Violations();
        if (request.code() == null || request.code().isBlank()) {
            violations.reject("code", "error.required");
        }
        String email = OfficialEmail.normalize(request.email());
        officialEmail.check(email, "email", violations);
        violations.throwIfAny();

        String code = normalizeCode(request.code());
        if (agencies.existsByCode(code)) {
            throw ApiException.conflictOn("code", "error.agency.duplicateCode", code);
        }
        Agency parent = request.parentCode() == null ? null : parentFor(request.parentCode());
        Agency agency = new Agency();
        agency.code = code;
        agency.status = AgencyStatus.ACTIVE;
        placeUnder(agency, parent);
        fill(agency, request, email);
        Instant now = clock.instant();
        agency.createdAt = now;
        agency.updatedAt = now;
        agencies.save(agency);
        placements.placed(agency.id, agency.path, now);
        audit.record(new AuditLog.Change("agency.create", "agency", code, agency.id, null, AgencyView.of(agency, null)));
        return agency;
    }

    /** Replaces the editable fields; a different parentCode moves the agency with its whole subtree. */
    @Transactional
    public Agency update(String code, AgencyRequest request) {
        Agency agency = get(code);
        if (request.version() != null && !request.version().equals(agency.version)) {
            throw ApiException.conflict("error.concurrentChange");
        }
        Violations violations = new Violations();
        String email = OfficialEmail.normalize(request.email());
        officialEmail.check(email, "email", violations);
        if (request.code() != null && !normalizeCode(request.code()).equals(agency.code)) {
            violations.reject("code", "error.agency.codeImmutable");
        }
        violations.throwIfAny();

        AgencyView before = view(agency);
        String newParent = request.parentCode() == null ? null : normalizeCode(request.parentCode());
        boolean moves = !Objects.equals(newParent, agency.parentCode());
        if (moves) {
            move(agency, newParent == null ? null : parentFor(newParent));
        }
        fill(agency, request, email);
        agency.updatedAt = clock.instant();
        agencies.save(agency);
        if (moves) {
            placements.moved(agency.path, agency.updatedAt);
        }
        audit.record(new AuditLog.Change("agency.update", "agency", agency.code, agency.id, before, view(agency)));
        return agency;
    }

    /** Moves an agency with its subtree under {@code parentCode}, in the caller's transaction. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Agency moveUnder(String code, String parentCode) {
        Agency agency = get(code);
        if (parentCode.equals(agency.parentCode())) {
            return agency;
        }
        AgencyView before = view(agency);
        move(agency, parentFor(parentCode));
        agency.updatedAt = clock.instant();
        agencies.save(agency);
        placements.moved(agency.path, agency.updatedAt);
        audit.record(new AuditLog.Change("agency.move", "agency", agency.code, agency.id, before, view(agency)));
        return agency;
    }

    /**
     * Closes an agency: merged into {@code successor}, or dissolved when there is none. Its
     * members and children must have been moved first; the caller checks that.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Agency close(String code, Agency successor) {
        Agency agency = get(code);
        if (agency.status != AgencyStatus.ACTIVE) {
            throw ApiException.conflict("error.agency.inactive", agency.code);
        }
        AgencyView before = view(agency);
        agency.status = successor == null ? AgencyStatus.DISSOLVED : AgencyStatus.MERGED;
        agency.successorId = successor == null ? null : successor.id;
        agency.updatedAt = clock.instant();
        agencies.save(agency);
        audit.record(new AuditLog.Change(successor == null ? "agency.dissolve" : "agency.merge", "agency",
                agency.code, agency.id, before, view(agency)));
        return agency;
    }

    /** An agency the current user may see, or 404: an officer cannot tell "elsewhere" from "nowhere". */
    public Agency get(String code) {
        return find(code).orElseThrow(() -> ApiException.notFound("error.agency.notFound", code));
    }

    public Optional<Agency> find(String code) {
        AgencyScope scope = scopes.current();
        return agencies.findByCode(normalizeCode(code)).filter(scope::contains);
    }

    /** The agency and its ancestors, root first (read from the path, so always complete). */
    public List<Agency> chain(Agency agency) {
        List<Agency> chain = new ArrayList<>();
        for (String code : agency.path().split("/")) {
            if (!code.isEmpty()) {
                chain.add(code.equals(agency.code()) ? agency : agencies.findByCode(code).orElseThrow());
            }
        }
        return chain;
    }

    public record ListQuery(String parent, String within, String q, AgencyStatus status) {
    }

    /**
     * Children of {@code parent}, or the whole subtree {@code within}, or (neither given) the top of
     * what the user sees; {@code q} searches names and codes without regard to diacritics.
     */
    public PageResult<Agency> list(ListQuery query, PageResult.PageRequest page) {
        AgencyScope scope = scopes.current();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> args = new HashMap<>();
        if (!scope.all()) {
            where.append(" AND path >= :scopeLo AND path < :scopeHi");
            args.put("scopeLo", scope.pathPrefix());
            args.put("scopeHi", AgencyScope.end(scope.pathPrefix()));
        }
        if (query.parent() != null) {
            where.append(" AND parent_id = :parentId");
            args.put("parentId", get(query.parent()).id);
        } else if (query.within() != null) {
            Agency root = get(query.within());
            where.append(" AND path >= :lo AND path < :hi");
            args.put("lo", root.path);
            args.put("hi", AgencyScope.end(root.path));
        } else if (query.q() == null) {
            if (scope.all()) {
                where.append(" AND parent_id IS NULL");
            } else {
                where.append(" AND path = :own");
                args.put("own", scope.pathPrefix());
            }
        }
        if (query.q() != null && !query.q().isBlank()) {
            where.append(" AND (search_key LIKE :q ESCAPE '\\' OR lower(code) LIKE :q ESCAPE '\\')");
            args.put("q", Text.containsPattern(Text.fold(query.q())));
        }
        if (query.status() != null) {
            where.append(" AND status = :status");
            args.put("status", query.status().name());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM agency" + where).params(args).query(Long.class).single();
        args.put("limit", page.size());
        args.put("offset", page.offset());
        List<Long> ids = jdbc.sql("SELECT id FROM agency" + where + " ORDER BY path LIMIT :limit OFFSET :offset")
                .params(args).query(Long.class).list();
        return PageResult.of(inOrder(ids), page, total);
    }

    public AgencyView view(Agency agency) {
        String successor = agency.successorId == null ? null
                : agencies.findById(agency.successorId).map(Agency::code).orElse(null);
        return AgencyView.of(agency, successor);
    }

    public static String normalizeCode(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    private List<Agency> inOrder(List<Long> ids) {
        Map<Long, Agency> byId = new HashMap<>();
        agencies.findAllById(ids).forEach(a -> byId.put(a.id, a));
        List<Agency> ordered = new ArrayList<>(ids.size());
        ids.forEach(id -> ordered.add(byId.get(id)));
        return ordered;
    }

    private Agency parentFor(String parentCode) {
        Agency parent = find(parentCode)
                .orElseThrow(() -> ApiException.badField("parentCode", "error.agency.unknownParent", parentCode));
        if (parent.status != AgencyStatus.ACTIVE) {
            throw ApiException.conflictOn("parentCode", "error.agency.parentInactive", parent.code);
        }
        return parent;
    }

    private void placeUnder(Agency agency, Agency parent) {
        int depth = parent == null ? 0 : parent.depth + 1;
        if (depth >= MAX_DEPTH) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "error.agency.tooDeep", "parentCode", MAX_DEPTH);
        }
        agency.parentId = parent == null ? null : parent.id;
        agency.path = (parent == null ? "/" : parent.path) + agency.code + "/";
        agency.depth = depth;
    }

    private void move(Agency agency, Agency newParent) {
        if (newParent != null && newParent.isWithin(agency.path)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "error.agency.cycle", "parentCode",
                    newParent.code, agency.code);
        }
        String oldPath = agency.path;
        int oldDepth = agency.depth;
        placeUnder(agency, newParent);
        int deepest = jdbc.sql("SELECT MAX(depth) FROM agency WHERE path >= :lo AND path < :hi")
                .param("lo", oldPath).param("hi", AgencyScope.end(oldPath)).query(Integer.class).single();
        if (deepest + agency.depth - oldDepth >= MAX_DEPTH) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "error.agency.tooDeep", "parentCode", MAX_DEPTH);
        }
        agencies.movePaths(oldPath, AgencyScope.end(oldPath), oldPath.length(), agency.path, agency.depth - oldDepth);
    }

    private static void fill(Agency agency, AgencyRequest request, String email) {
        agency.name = Text.clean(request.name());
        agency.searchKey = Text.fold(request.name());
        agency.taxCode = Text.clean(request.taxCode());
        agency.budgetCode = Text.clean(request.budgetCode());
        agency.province = Text.clean(request.province());
        agency.email = email;
        agency.address = Text.clean(request.address());
    }
}
