package vn.kyso.token;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.kyso.common.KysoProperties;
import vn.kyso.common.PageResult;
import vn.kyso.security.CurrentUser;

@RestController
@RequestMapping("/api/v1")
public class TokenController {

    private static final String READERS = "hasAnyRole('ADMIN','REGISTRAR','AUDITOR','AGENCY_OFFICER')";
    private static final MediaType PDF = MediaType.APPLICATION_PDF;

    private final TokenService service;
    private final TokenQueries queries;
    private final TokenViews views;
    private final Departures departures;
    private final int maxPageSize;

    public TokenController(TokenService service, TokenQueries queries, TokenViews views, Departures departures,
            KysoProperties properties) {
        this.service = service;
        this.queries = queries;
        this.views = views;
        this.departures = departures;
        this.maxPageSize = properties.limits().maxPageSize();
    }

    @PostMapping("/tokens")
    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    public ResponseEntity<TokenViews.TokenView> receive(@Valid @RequestBody TokenRequests.Receive request) {
        Token token = service.receive(request);
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", "/api/v1/tokens/" + token.serial())
                .body(views.view(token, CurrentUser.require().roles(), true));
    }

    @GetMapping("/tokens/{serial}")
    @PreAuthorize(READERS)
    public TokenViews.TokenView get(@PathVariable String serial) {
        return views.view(service.get(serial), CurrentUser.require().roles(), true);
    }

    @GetMapping(value = "/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(READERS)
    public PageResult<TokenViews.TokenView> list(@RequestParam(required = false) String agency,
            @RequestParam(defaultValue = "true") boolean subtree, @RequestParam(required = false) TokenState state,
            @RequestParam(required = false) String model, @RequestParam(required = false) Long holder,
            @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        var filter = new TokenQueries.Filter(agency, subtree, state, model, holder, q);
        return queries.list(filter, PageResult.PageRequest.of(page, size, maxPageSize), CurrentUser.require().roles());
    }

    /** The same filters as the listing, every row, as CSV (Accept: text/csv). */
    @GetMapping(value = "/tokens", produces = "text/csv")
    @PreAuthorize(READERS)
    public void export(@RequestParam(required = false) String agency,
            @RequestParam(defaultValue = "true") boolean subtree, @RequestParam(required = false) TokenState state,
            @RequestParam(required = false) String model, @RequestParam(required = false) Long holder,
            @RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        var filter = new TokenQueries.Filter(agency, subtree, state, model, holder, q);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"tokens.csv\"");
        var writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        queries.exportCsv(filter, writer);
        writer.flush();
    }

    public record ActionResult(TokenViews.TokenView token, List<String> revokedCertificates, String record) {
    }

    /** One lifecycle move: allocate, hand-over, report-locked, unlock, report-lost, return, retire, … */
    @PostMapping("/tokens/{serial}/{action}")
    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR','AGENCY_OFFICER')")
    public ActionResult act(@PathVariable String serial, @PathVariable String action,
            @Valid @RequestBody(required = false) TokenRequests.Act request) {
        var outcome = service.act(serial, action, request == null ? new TokenRequests.Act(null, null, null, null) : request);
        return new ActionResult(views.view(outcome.token(), CurrentUser.require().roles(), true),
                outcome.revokedCertificates(), outcome.recordNumber());
    }

    /** A subscriber leaves: lists the tokens to recover and certificates to revoke; unless a dry run, revokes them. */
    @PostMapping("/subscribers/{id}/leave")
    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    public Departures.Result leave(@PathVariable long id, @Valid @RequestBody Departures.Request request) {
        return departures.leave(id, request);
    }

    /** The lifecycle table itself, so a client can offer only the moves that exist. */
    @GetMapping("/tokens/lifecycle")
    @PreAuthorize("isAuthenticated()")
    public List<Map<String, Object>> lifecycle() {
        return java.util.Arrays.stream(TokenAction.values()).map(a -> Map.<String, Object>of("action", a.slug(),
                "from", a.from(), "to", a.to(), "needs", a.needs(), "roles", a.roles(),
                "revokesCertificatesAs", a.revokes() == null ? "" : a.revokes().name())).toList();
    }

    @GetMapping(value = "/handover-records/{year}/{number}", produces = "application/pdf")
    @PreAuthorize(READERS)
    public ResponseEntity<byte[]> record(@PathVariable String year, @PathVariable String number) {
        HandoverRecord record = service.record(year + "/" + number);
        return ResponseEntity.ok().contentType(PDF)
                .header("Content-Disposition", "inline; filename=\"" + year + "-" + number + ".pdf\"")
                .body(record.pdf());
    }

    public record ModelView(String code, String vendor, String name, int pinMinLength, int pinMaxLength,
            int maxPinTries) {
        static ModelView of(TokenModel m) {
            return new ModelView(m.code(), m.vendor(), m.name(), m.pinMinLength(), m.pinMaxLength(), m.maxPinTries());
        }
    }

    @GetMapping("/token-models")
    @PreAuthorize("isAuthenticated()")
    public List<ModelView> models() {
        return queries.models().stream().map(ModelView::of).toList();
    }

    @PostMapping("/token-models")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<ModelView> addModel(@Valid @RequestBody TokenRequests.Model request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(ModelView.of(service.addModel(request)));
    }
}
