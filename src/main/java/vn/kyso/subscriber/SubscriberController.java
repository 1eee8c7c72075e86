package vn.kyso.subscriber;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import vn.kyso.common.KysoProperties;
import vn.kyso.common.PageResult;

/** Subscribers carry personal data: clerks, who only verify documents, do not read them. */
@RestController
@RequestMapping("/api/v1/subscribers")
public class SubscriberController {

    private final SubscriberService service;
    private final int maxPageSize;

    public SubscriberController(SubscriberService service, KysoProperties properties) {
        this.service = service;
        this.maxPageSize = properties.limits().maxPageSize();
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    public ResponseEntity<SubscriberView> create(@Valid @RequestBody SubscriberRequest request) {
        Subscriber subscriber = service.create(request);
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(subscriber.id());
        return ResponseEntity.created(location).body(service.view(subscriber));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    public SubscriberView update(@PathVariable long id, @Valid @RequestBody SubscriberRequest request) {
        return service.view(service.update(id, request));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR','AUDITOR','AGENCY_OFFICER')")
    public SubscriberView get(@PathVariable long id) {
        return service.view(service.get(id));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR','AUDITOR','AGENCY_OFFICER')")
    public PageResult<SubscriberView> list(@RequestParam(required = false) String agency,
            @RequestParam(defaultValue = "false") boolean subtree, @RequestParam(required = false) String q,
            @RequestParam(required = false) SubscriberType type,
            @RequestParam(required = false) SubscriberStatus status, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        var query = new SubscriberService.ListQuery(agency, subtree, q, type, status);
        return service.list(query, PageResult.PageRequest.of(page, size, maxPageSize));
    }
}
