package vn.kyso.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kyso.certificate.BulkRevocation;
import vn.kyso.certificate.CertificateQueries;
import vn.kyso.certificate.CertificateService;
import vn.kyso.certificate.CertificateView;
import vn.kyso.certificate.Requests;
import vn.kyso.certificate.RevocationReason;
import vn.kyso.certificate.Validity;
import vn.kyso.common.ApiException;
import vn.kyso.common.PageResult;

/** The registrar's certificate pages: find, read, revoke one, revoke many after seeing what would happen. */
@Controller
@RequestMapping("/certificates")
class CertificatePages {

    private static final int PAGE_SIZE = 20;

    private final CertificateService service;
    private final CertificateQueries queries;
    private final BulkRevocation bulk;
    private final PageRefusals refusals;

    CertificatePages(CertificateService service, CertificateQueries queries, BulkRevocation bulk,
            PageRefusals refusals) {
        this.service = service;
        this.queries = queries;
        this.bulk = bulk;
        this.refusals = refusals;
    }

    @GetMapping
    @PreAuthorize(TokenPages.READERS)
    String list(@RequestParam(required = false) String agency, @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer expiringWithinDays, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Validity chosen = Arrays.stream(Validity.values()).filter(v -> v.name().equals(status)).findFirst()
                .orElse(null);
        Integer days = expiringWithinDays == null ? null : Math.max(0, Math.min(expiringWithinDays, 3660));
        var filter = new CertificateQueries.Filter(TokenPages.blankToNull(agency), true, null, chosen, days,
                TokenPages.blankToNull(q));
        PageResult<CertificateView> rows;
        try {
            rows = queries.list(filter, new PageResult.PageRequest(Math.max(page, 0), PAGE_SIZE));
        } catch (ApiException e) {
            model.addAttribute("problem", refusals.say(e));
            rows = PageResult.of(List.of(), new PageResult.PageRequest(0, PAGE_SIZE), 0);
        }
        model.addAttribute("rows", rows);
        model.addAttribute("statuses", Validity.values());
        model.addAttribute("agency", agency);
        model.addAttribute("status", chosen);
        model.addAttribute("expiringWithinDays", days);
        model.addAttribute("q", q);
        return "certificates/list";
    }

    @GetMapping("/{serial}")
    @PreAuthorize(TokenPages.READERS)
    String detail(@PathVariable String serial, Model model) {
        model.addAttribute("c", queries.view(service.get(serial)));
        model.addAttribute("reasons", reasons());
        return "certificates/detail";
    }

    /** First submit: the confirmation page. Second, with confirm: the revocation, then back to the certificate. */
    @PostMapping("/{serial}/revoke")
    @PreAuthorize(TokenPages.WRITERS)
    String revoke(@PathVariable String serial, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String invalidityDate, @RequestParam(required = false) String comment,
            @RequestParam(required = false) String confirm, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        CertificateView c = queries.view(service.get(serial));
        RevocationReason chosen = Arrays.stream(RevocationReason.values()).filter(r -> r.name().equals(reason))
                .findFirst().orElse(null);
        Instant invalidity = null;
        String error = chosen == null ? "certificates.error.reason" : null;
        if (invalidityDate != null && !invalidityDate.isBlank()) {
            try {
                // datetime-local sends the wall-clock time the official typed, which is Vietnam's
                invalidity = LocalDateTime.parse(invalidityDate.strip()).atZone(PageText.VIETNAM).toInstant();
            } catch (DateTimeParseException e) {
                error = "certificates.error.date";
            }
        }
        if (error != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("c", c);
            model.addAttribute("reasons", reasons());
            model.addAttribute("error", error);
            return "certificates/detail";
        }
        if (confirm == null) {
            model.addAttribute("c", c);
            model.addAttribute("reason", chosen);
            model.addAttribute("invalidityDate", invalidityDate);
            model.addAttribute("invalidityAt", invalidity);
            model.addAttribute("comment", comment);
            return "certificates/confirm";
        }
        try {
            service.revoke(c.serialNumber(), new Requests.Revoke(chosen, null, invalidity,
                    TokenPages.blankToNull(comment)));
            flash.addFlashAttribute("done", true);
        } catch (ApiException e) {
            flash.addFlashAttribute("problem", refusals.say(e));
        }
        return "redirect:/certificates/" + c.serialNumber();
    }

    /**
     * Renewal (same key unless a new CSR is given) or change of information (Mẫu 04: new details,
     * the old certificate superseded); either way the new certificate's page comes next.
     */
    @PostMapping("/{serial}/renew")
    @PreAuthorize(TokenPages.WRITERS)
    String renew(@PathVariable String serial, @RequestParam(defaultValue = "") String csr,
            @RequestParam(defaultValue = "") String validityDays, @RequestParam(defaultValue = "renew") String kind,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        CertificateView c = queries.view(service.get(serial));
        Integer days = null;
        String error = null;
        if (!validityDays.isBlank()) {
            try {
                days = Integer.valueOf(validityDays.strip());
            } catch (NumberFormatException e) {
                error = refusals.text("subscribers.error.days");
            }
        }
        if (error == null) {
            try {
                var request = new Requests.Renew(TokenPages.blankToNull(csr), days);
                var made = "reissue".equals(kind) ? service.reissue(serial, request) : service.renew(serial, request);
                flash.addFlashAttribute("renewed", made.serial());
                return "redirect:/certificates/" + made.serial();
            } catch (ApiException e) {
                error = refusals.say(e);
            } catch (vn.kyso.common.Violations.Invalid e) {
                error = e.violations().stream().map(v -> refusals.text(v.key(), v.args()))
                        .collect(java.util.stream.Collectors.joining(" "));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("c", c);
        model.addAttribute("reasons", reasons());
        model.addAttribute("renewError", error);
        model.addAttribute("renewCsr", csr);
        return "certificates/detail";
    }

    @GetMapping("/bulk-revocation")
    @PreAuthorize(TokenPages.WRITERS)
    String bulkForm(Model model) {
        model.addAttribute("reasons", reasons());
        return "certificates/bulk";
    }

    /** Without confirm a dry run, shown item by item; with confirm the real run, whose result survives a reload. */
    @PostMapping("/bulk-revocation")
    @PreAuthorize(TokenPages.WRITERS)
    String bulkRevoke(@RequestParam(required = false) String agencyCode,
            @RequestParam(defaultValue = "false") boolean subtree, @RequestParam(required = false) Long subscriberId,
            @RequestParam(required = false) String tokenSerial, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String comment, @RequestParam(required = false) String confirm,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        RevocationReason chosen = Arrays.stream(RevocationReason.values()).filter(r -> r.name().equals(reason))
                .findFirst().orElse(null);
        var request = new BulkRevocation.Request(TokenPages.blankToNull(agencyCode), subtree, subscriberId,
                TokenPages.blankToNull(tokenSerial), chosen, null, TokenPages.blankToNull(comment), confirm == null);
        model.addAttribute("reasons", reasons());
        model.addAttribute("form", request);
        BulkRevocation.Result result;
        try {
            result = bulk.run(request);
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            model.addAttribute("problem", refusals.say(e));
            return "certificates/bulk";
        }
        if (result.dryRun()) {
            model.addAttribute("result", result);
            return "certificates/bulk";
        }
        flash.addFlashAttribute("result", result);
        flash.addFlashAttribute("form", request);
        return "redirect:/certificates/bulk-revocation";
    }

    /** CA and AA compromise are about an authority's own key, never a reason a registrar gives for a subscriber. */
    private static List<RevocationReason> reasons() {
        return Arrays.stream(RevocationReason.values())
                .filter(r -> r != RevocationReason.CA_COMPROMISE && r != RevocationReason.AA_COMPROMISE).toList();
    }
}
