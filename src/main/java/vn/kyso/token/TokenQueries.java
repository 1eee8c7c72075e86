package vn.kyso.token;

import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.kyso.agency.AgencyScope;
import vn.kyso.agency.AgencyScopes;
import vn.kyso.agency.AgencyService;
import vn.kyso.agency.AgencySql;
import vn.kyso.common.PageResult;
import vn.kyso.security.Role;

/** Lists and exports tokens, always within what the current user may see. */
@Service
public class TokenQueries {

    /** An export is one request; a bigger one is cut here and says so in its last line. */
    static final int MAX_EXPORT = 200_000;

    private final TokenRepository tokens;
    private final TokenModelRepository models;
    private final AgencyService agencies;
    private final AgencyScopes scopes;
    private final TokenViews views;
    private final JdbcClient jdbc;

    public TokenQueries(TokenRepository tokens, TokenModelRepository models, AgencyService agencies, AgencyScopes scopes,
            TokenViews views, JdbcClient jdbc) {
        this.tokens = tokens;
        this.models = models;
        this.agencies = agencies;
        this.scopes = scopes;
        this.views = views;
        this.jdbc = jdbc;
    }

    public record Filter(String agency, boolean subtree, TokenState state, String model, Long holder, String q) {
    }

    private record Where(String sql, Map<String, Object> args) {
    }

    /**
     * Tokens join their custodian agency; those in the registrar's stock have none and are seen
     * only by province-wide roles.
     */
    private Where where(Filter filter) {
        AgencyScope scope = scopes.current();
        StringBuilder where = new StringBuilder(" FROM token t JOIN token_model m ON m.id = t.model_id"
                + " LEFT JOIN agency a ON a.id = t.custodian_agency_id"
                + " LEFT JOIN subscriber s ON s.id = t.holder_subscriber_id WHERE 1 = 1");
        Map<String, Object> args = new HashMap<>();
        AgencySql.withinScope(where, args, scope);
        if (filter.agency() != null) {
            AgencySql.ofAgency(where, args, agencies.get(filter.agency()), filter.subtree());
        }
        if (filter.state() != null) {
            where.append(" AND t.state = :state");
            args.put("state", filter.state().name());
        }
        if (filter.model() != null) {
            where.append(" AND m.code = :model");
            args.put("model", filter.model().strip().toUpperCase());
        }
        if (filter.holder() != null) {
            where.append(" AND t.holder_subscriber_id = :holder");
            args.put("holder", filter.holder());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" AND (t.serial LIKE :q ESCAPE '\\' OR s.search_key LIKE :name ESCAPE '\\')");
            args.put("q", vn.kyso.common.Text.containsPattern(TokenService.normalizeSerial(filter.q())));
            args.put("name", vn.kyso.common.Text.containsPattern(vn.kyso.common.Text.fold(filter.q())));
        }
        return new Where(where.toString(), args);
    }

    public PageResult<TokenViews.TokenView> list(Filter filter, PageResult.PageRequest page, Set<Role> roles) {
        Where where = where(filter);
        long total = jdbc.sql("SELECT COUNT(*)" + where.sql()).params(where.args()).query(Long.class).single();
        Map<String, Object> args = new HashMap<>(where.args());
        args.put("limit", page.size());
        args.put("offset", page.offset());
        List<Long> ids = jdbc.sql("SELECT t.id" + where.sql() + " ORDER BY t.serial LIMIT :limit OFFSET :offset")
                .params(args).query(Long.class).list();
        Map<Long, Token> byId = new HashMap<>();
        tokens.findAllById(ids).forEach(t -> byId.put(t.id, t));
        return PageResult.of(ids.stream().map(byId::get).map(t -> views.view(t, roles, false)).toList(), page, total);
    }

    /** Who holds what, one row per token, for a spreadsheet: UTF-8 with a byte-order mark, as Excel wants. */
    public void exportCsv(Filter filter, Writer out) throws IOException {
        Where where = where(filter);
        Map<String, Object> args = new HashMap<>(where.args());
        args.put("limit", MAX_EXPORT + 1);
        out.write('\uFEFF');
        // not closed here: the writer belongs to the response, which the container closes
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("serial", "model", "state",
                "agency_code", "agency_name", "holder_id", "holder_name", "batch", "received_on",
                "certificates").get());
        {
            int[] rows = {0};
            jdbc.sql("SELECT t.id, t.serial, m.code AS model, t.state, a.code AS agency_code, a.name AS agency_name,"
                    + " s.id AS holder_id, s.full_name AS holder_name, t.batch, t.received_on,"
                    + " (SELECT COUNT(*) FROM certificate c WHERE c.token_id = t.id AND c.status <> 'REVOKED') AS certs"
                    + where.sql() + " ORDER BY t.serial LIMIT :limit").params(args).query(rs -> {
                        if (++rows[0] > MAX_EXPORT) {
                            return;
                        }
                        try {
                            csv.printRecord(rs.getString("serial"), rs.getString("model"), rs.getString("state"),
                                    rs.getString("agency_code"), rs.getString("agency_name"), rs.getObject("holder_id"),
                                    rs.getString("holder_name"), rs.getString("batch"), rs.getObject("received_on"),
                                    rs.getLong("certs"));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            if (rows[0] > MAX_EXPORT) {
                csv.printRecord("… more than " + MAX_EXPORT + " rows: narrow the filter");
            }
        }
        csv.flush();
    }

    public List<TokenModel> models() {
        return models.findAllByOrderByCode();
    }
}
