package vn.kyso.request;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Valid;
import org.springframework.http.ContentDisposition;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.kyso.approval.Approvals;
import vn.kyso.common.KysoProperties;
import vn.kyso.common.PageResult;
import vn.kyso.security.CurrentUser;

@RestController
@RequestMapping("/api/v1/requests")
public class RequestController {

    /** Agencies file and follow their own requests (within their subtree); registrars process them. */
    private static final String FILERS = "hasAnyRole('ADMIN','REGISTRAR','AGENCY_OFFICER')";
    private static final String READERS = "hasAnyRole('ADMIN','REGISTRAR','AUDITOR','AGENCY_OFFICER')";
    private static final String REGISTRARS = "hasAnyRole('ADMIN','REGISTRAR')";

    private final RequestService service;
    private final RequestQueries queries;
    private final RequestViews views;
    private final RequestApprovals fourEyes;
    private final Approvals approvals;
    private final int maxPageSize;

    public RequestController(RequestService service, RequestQueries queries, RequestViews views,
            RequestApprovals fourEyes, Approvals approvals, KysoProperties properties) {
        this.service = service;
        this.queries = queries;
        this.views = views;
        this.fourEyes = fourEyes;
        this.approvals = approvals;
        this.maxPageSize = properties.limits().maxPageSize();
    }

    @PostMapping
    @PreAuthorize(FILERS)
    public ResponseEntity<RequestViews.RequestView> create(@Valid @RequestBody RequestBodies.Create body) {
        CertificationRequest r = service.create(body);
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/requests/" + r.id())
                .body(view(r));
    }

    @GetMapping
    @PreAuthorize(READERS)
    public PageResult<RequestQueries.Summary> list(@RequestParam(required = false) String agency,
            @RequestParam(defaultValue = "true") boolean subtree, @RequestParam(required = false) RequestStatus status,
            @RequestParam(required = false) RequestKind kind, @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return queries.list(new RequestQueries.Filter(agency, subtree, status, kind, overdue),
                PageResult.PageRequest.of(page, size, maxPageSize));
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    public RequestViews.RequestView get(@PathVariable long id) {
        return view(service.get(id));
    }

    /** The signed request letter (PDF or CMS), verified on upload; replaceable until the request is checked. */
    @PostMapping(value = "/{id}/letter", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(FILERS)
    public RequestViews.RequestView uploadLetter(@PathVariable long id, @RequestPart("letter") MultipartFile letter,
            @RequestParam(required = false) Long version) throws IOException {
        return view(service.uploadLetter(id, letter.getBytes(), letter.getOriginalFilename(), version));
    }

    @GetMapping("/{id}/letter")
    @PreAuthorize(READERS)
    public ResponseEntity<byte[]> letter(@PathVariable long id) {
        var letter = service.letter(id);
        MediaType type = "PDF".equals(letter.format()) ? MediaType.APPLICATION_PDF
                : letter.format().startsWith("CMS") ? MediaType.parseMediaType("application/pkcs7-mime")
                : MediaType.APPLICATION_OCTET_STREAM;
        String name = letter.fileName() == null ? "letter-" + id : letter.fileName();
        return ResponseEntity.ok().contentType(type)
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(letter.bytes());
    }

    /** A certificate or token this request produced or changed. */
    @PostMapping("/{id}/links")
    @PreAuthorize(REGISTRARS)
    public RequestViews.RequestView link(@PathVariable long id, @Valid @RequestBody RequestBodies.Link body) {
        return view(service.link(id, body));
    }

    /**
     * check, send, approve, complete, reject {reason}. Approving under four eyes answers 202 with
     * the approval a second registrar must give.
     */
    @PostMapping("/{id}/{transition}")
    @PreAuthorize(REGISTRARS)
    public ResponseEntity<?> transition(@PathVariable long id, @PathVariable String transition,
            @Valid @RequestBody(required = false) RequestBodies.Act body) {
        RequestBodies.Act act = body == null ? RequestBodies.Act.EMPTY : body;
        var pending = fourEyes.prepare(id, transition, act);
        if (pending.isPresent()) {
            return ResponseEntity.accepted().header("Location", "/api/v1/approvals/" + pending.get().id())
                    .body(approvals.view(pending.get()));
        }
        return ResponseEntity.ok(view(service.transition(id, transition, act)));
    }

    private RequestViews.RequestView view(CertificationRequest r) {
        return views.view(r, CurrentUser.require().roles());
    }
}
