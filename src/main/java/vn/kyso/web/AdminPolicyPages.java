package vn.kyso.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kyso.verify.PolicyStore;
import vn.kyso.verify.ValidationPolicy;

/** The validation policy as a form; saved through the store, which checks and audits it. */
@Controller
@RequestMapping("/admin/policy")
@PreAuthorize("hasRole('ADMIN')")
class AdminPolicyPages {

    private final PolicyStore store;
    private final FormErrors problems;

    AdminPolicyPages(PolicyStore store, FormErrors problems) {
        this.store = store;
        this.problems = problems;
    }

    /** The form's values as typed, so a wrong number comes back as the official wrote it. */
    record Form(String minRsaBits, String minEcBits, String minDsaBits, String sha1AcceptedBefore,
            boolean requireSigningCertificateReference, boolean requireRevocationData,
            boolean allowFormFillAfterSigning, boolean allowAnnotationsAfterSigning, boolean acceptLegacyAlgorithms) {

        static Form of(ValidationPolicy p) {
            return new Form(Integer.toString(p.minRsaBits()), Integer.toString(p.minEcBits()),
                    Integer.toString(p.minDsaBits()), day(p.sha1AcceptedBefore()),
                    p.requireSigningCertificateReference(), p.requireRevocationData(), p.allowFormFillAfterSigning(),
                    p.allowAnnotationsAfterSigning(), p.acceptLegacyAlgorithms());
        }
    }

    @GetMapping
    String show(Model model) {
        return page(model, Form.of(store.current()), FormErrors.none());
    }

    @PostMapping
    String save(@RequestParam(defaultValue = "") String minRsaBits, @RequestParam(defaultValue = "") String minEcBits,
            @RequestParam(defaultValue = "") String minDsaBits,
            @RequestParam(defaultValue = "") String sha1AcceptedBefore,
            @RequestParam(defaultValue = "false") boolean requireSigningCertificateReference,
            @RequestParam(defaultValue = "false") boolean requireRevocationData,
            @RequestParam(defaultValue = "false") boolean allowFormFillAfterSigning,
            @RequestParam(defaultValue = "false") boolean allowAnnotationsAfterSigning,
            @RequestParam(defaultValue = "false") boolean acceptLegacyAlgorithms,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Form form = new Form(minRsaBits.strip(), minEcBits.strip(), minDsaBits.strip(), sha1AcceptedBefore.strip(),
                requireSigningCertificateReference, requireRevocationData, allowFormFillAfterSigning,
                allowAnnotationsAfterSigning, acceptLegacyAlgorithms);
        Map<String, String> errors = FormErrors.none();
        // The same floors PolicyStore enforces, checked here so each one is named next to its field
        int rsa = bits(form.minRsaBits(), 1024, "minRsaBits", errors);
        int ec = bits(form.minEcBits(), 160, "minEcBits", errors);
        int dsa = bits(form.minDsaBits(), 1024, "minDsaBits", errors);
        Instant sha1 = null;
        try {
            // Midnight UTC, as the default policy states it, so saving unchanged changes nothing
            sha1 = LocalDate.parse(form.sha1AcceptedBefore()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            errors.put("sha1AcceptedBefore", problems.text("admin.error.date"));
        }
        if (errors.isEmpty()) {
            try {
                store.replace(new ValidationPolicy(rsa, ec, dsa, sha1, requireSigningCertificateReference,
                        requireRevocationData, allowFormFillAfterSigning, allowAnnotationsAfterSigning,
                        acceptLegacyAlgorithms));
                redirect.addFlashAttribute("flash", problems.text("admin.policy.saved"));
                return "redirect:/admin/policy";
            } catch (RuntimeException refusal) {
                problems.add(errors, refusal, "policy");
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(model, form, errors);
    }

    private int bits(String text, int floor, String field, Map<String, String> errors) {
        try {
            int value = Integer.parseInt(text);
            if (value >= floor && value <= 16384) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, like a number out of range
        }
        errors.put(field, problems.text("admin.error.bits", floor, 16384));
        return 0;
    }

    private static String day(Instant instant) {
        return instant == null ? "" : LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private String page(Model model, Form form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "admin/policy";
    }
}
