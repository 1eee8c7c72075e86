package vn.kyso.agency;

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

@RestController
@RequestMapping("/api/v1/agencies")
public class AgencyController {

    private final AgencyService service;
    private final int maxPageSize;

    public AgencyController(AgencyService service, KysoProperties properties) {
        this.service = service;
        this.maxPageSize = properties.limits().maxPageSize();
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    public ResponseEntity<AgencyView> create(@Valid @RequestBody AgencyRequest request) {
        Agency agency = service.create(request);
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{code}").build(agency.code());
        return ResponseEntity.created(location).body(service.view(agency));
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    public AgencyView update(@PathVariable String code, @Valid @RequestBody AgencyRequest request) {
        return service.view(service.update(code, request));
    }

    @GetMapping("/{code}")
    @PreAuthorize("isAuthenticated()")
    public AgencyView get(@PathVariable String code) {
        return service.view(service.get(code));
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    public PageResult<AgencyView> list(@RequestParam(required = false) String parent,
            @RequestParam(required = false) String within, @RequestParam(required = false) String q,
            @RequestParam(required = false) AgencyStatus status, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        var query = new AgencyService.ListQuery(parent, within, q, status);
        return service.list(query, PageResult.PageRequest.of(page, size, maxPageSize)).map(service::view);
    }

}
