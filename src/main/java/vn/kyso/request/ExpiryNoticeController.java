package vn.kyso.request;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/expiry-notices")
public class ExpiryNoticeController {

    private final ExpiryNotices notices;

    public ExpiryNoticeController(ExpiryNotices notices) {
        this.notices = notices;
    }

    /** Certificates running out within 60/30/7 days, per agency, within what the user may see. */
    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR','AUDITOR','AGENCY_OFFICER')")
    public ExpiryNotices.Listing list(@RequestParam(required = false) String agency,
            @RequestParam(defaultValue = "true") boolean subtree) {
        return notices.list(agency, subtree);
    }

    /** The daily run, now. */
    @PostMapping("/run")
    @PreAuthorize("hasRole('ADMIN')")
    public ExpiryNotices.Run run() {
        return notices.run();
    }
}
