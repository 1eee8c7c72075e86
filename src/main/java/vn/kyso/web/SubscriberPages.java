package vn.kyso.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kyso.certificate.Certificate;
import vn.kyso.certificate.CertificateQueries;
import vn.kyso.certificate.CertificateService;
import vn.kyso.certificate.Profile;
import vn.kyso.certificate.Requests;
import vn.kyso.common.PageResult;
import vn.kyso.security.CurrentUser;
import vn.kyso.subscriber.Subscriber;
import vn.kyso.subscriber.SubscriberRequest;
import vn.kyso.subscriber.SubscriberService;
import vn.kyso.subscriber.SubscriberType;
import vn.kyso.token.TokenQueries;

/**
 * A subscriber's page: who they are (Mẫu 01–03), the certificates issued to them and the tokens in
 * their hands; for the registrar, the forms that register a subscriber and that issue or record a
 * certificate for one. The forms call the same services as the API, so the same rules refuse them.
 */
@Controller
@RequestMapping("/subscribers")
class SubscriberPages {

    /** The CSR or PEM pasted or chosen as a file; a certificate chain is a few kilobytes. */
    static final int MAX_PEM_BYTES = 256 * 1024;

    /** Where the service's field names land on each form; the two forms share a page, so their ids differ. */
    private static final Map<String, String> ISSUE_FIELDS = Map.of("csr", "csr", "validityDays", "validityDays",
            "tokenSerial", "tokenSerial");
    private static final Map<String, String> IMPORT_FIELDS = Map.of("pem", "pem", "tokenSerial", "importTokenSerial");

    private final SubscriberService subscribers;
    private final CertificateService certificates;
    private final CertificateQueries certificateQueries;
    private final TokenQueries tokens;
    private final FormErrors problems;

    SubscriberPages(SubscriberService subscribers, CertificateService certificates,
            CertificateQueries certificateQueries, TokenQueries tokens, FormErrors problems) {
        this.subscribers = subscribers;
        this.certificates = certificates;
        this.certificateQueries = certificateQueries;
        this.tokens = tokens;
        this.problems = problems;
    }

    /** The new-subscriber form as typed; dates stay text until they parse, so a bad one is shown back. */
    record Form(String type, String agencyCode, String fullName, String email, String nationalId,
            String nationalIdIssueDate, String nationalIdIssuePlace, String dateOfBirth, String position,
            String phone, String taxCode, String budgetCode, String address) {
        static Form forAgency(String agencyCode) {
            return new Form("INDIVIDUAL", agencyCode == null ? "" : agencyCode, "", "", "", "", "", "", "", "", "",
                    "", "");
        }

        Form stripped() {
            return new Form(type, s(agencyCode), s(fullName), s(email), s(nationalId), s(nationalIdIssueDate),
                    s(nationalIdIssuePlace), s(dateOfBirth), s(position), s(phone), s(taxCode), s(budgetCode),
                    s(address));
        }

        private static String s(String value) {
            return value == null ? "" : value.strip();
        }
    }

    /** The issue and import forms as typed. */
    record CertificateForm(String csr, String profile, String validityDays, String tokenSerial, String pem) {
        static CertificateForm empty() {
            return new CertificateForm("", "", "", "", "");
        }
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("types", SubscriberType.values());
        model.addAttribute("profiles", Arrays.stream(Profile.values()).filter(p -> p != Profile.TIMESTAMPING).toList());
    }

    @GetMapping("/new")
    @PreAuthorize(TokenPages.WRITERS)
    String blank(@RequestParam(required = false) String agency, Model model) {
        model.addAttribute("form", Form.forAgency(agency));
        model.addAttribute("errors", FormErrors.none());
        return "subscribers/new";
    }

    @PostMapping
    @PreAuthorize(TokenPages.WRITERS)
    String create(@ModelAttribute("form") Form typed, Model model, HttpServletResponse response,
            RedirectAttributes flash) {
        Form form = typed.stripped();
        Map<String, String> errors = FormErrors.none();
        SubscriberType type = Arrays.stream(SubscriberType.values()).filter(t -> t.name().equals(form.type()))
                .findFirst().orElse(null);
        LocalDate issued = date(form.nationalIdIssueDate(), "nationalIdIssueDate", errors);
        LocalDate born = date(form.dateOfBirth(), "dateOfBirth", errors);
        var request = new SubscriberRequest(type, form.agencyCode(), form.fullName(), form.email(),
                TokenPages.blankToNull(form.nationalId()), issued, TokenPages.blankToNull(form.nationalIdIssuePlace()),
                born, TokenPages.blankToNull(form.position()), TokenPages.blankToNull(form.phone()),
                TokenPages.blankToNull(form.taxCode()), TokenPages.blankToNull(form.budgetCode()),
                TokenPages.blankToNull(form.address()), null, null);
        problems.validate(request).forEach(errors::putIfAbsent);
        if (errors.isEmpty()) {
            try {
                Subscriber created = subscribers.create(request);
                flash.addFlashAttribute("flash", problems.text("subscribers.created", created.fullName()));
                return "redirect:/subscribers/" + created.id();
            } catch (RuntimeException refusal) {
                problems.add(errors, refusal, "fullName");
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "subscribers/new";
    }

    @GetMapping("/{id}")
    @PreAuthorize(AgencyPages.READERS)
    String one(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        return show(id, page, CertificateForm.empty(), FormErrors.none(), null, model);
    }

    @PostMapping("/{id}/certificates")
    @PreAuthorize(TokenPages.WRITERS)
    String issue(@PathVariable long id, @RequestParam(defaultValue = "") String csr,
            @RequestParam(required = false) MultipartFile csrFile, @RequestParam(defaultValue = "") String profile,
            @RequestParam(defaultValue = "") String validityDays, @RequestParam(defaultValue = "") String tokenSerial,
            Model model, HttpServletResponse response, RedirectAttributes flash) throws IOException {
        var form = new CertificateForm(pasteOrFile(csr, csrFile, "CERTIFICATE REQUEST"), profile, validityDays.strip(), tokenSerial.strip(), "");
        Map<String, String> errors = FormErrors.none();
        Profile chosen = Arrays.stream(Profile.values()).filter(p -> p.name().equals(profile)).findFirst()
                .orElse(null);
        Integer days = days(form.validityDays(), errors);
        if (form.csr().isBlank()) {
            errors.put("csr", problems.text("subscribers.error.csr"));
        }
        if (errors.isEmpty()) {
            try {
                Certificate issued = certificates.issue(new Requests.Issue(id, form.csr(), chosen, days, null,
                        TokenPages.blankToNull(form.tokenSerial())));
                flash.addFlashAttribute("flash", problems.text("subscribers.issued", issued.serial()));
                return "redirect:/certificates/" + issued.serial();
            } catch (RuntimeException refusal) {
                problems.add(errors, refusal, "csr");
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return show(id, 0, form, FormErrors.onto(errors, ISSUE_FIELDS, "csr"), "issue", model);
    }

    @PostMapping("/{id}/certificates/import")
    @PreAuthorize(TokenPages.WRITERS)
    String record(@PathVariable long id, @RequestParam(defaultValue = "") String pem,
            @RequestParam(required = false) MultipartFile pemFile, @RequestParam(name = "importTokenSerial", defaultValue = "") String tokenSerial,
            Model model, HttpServletResponse response, RedirectAttributes flash) throws IOException {
        var form = new CertificateForm("", "", "", tokenSerial.strip(), pasteOrFile(pem, pemFile, "CERTIFICATE"));
        Map<String, String> errors = FormErrors.none();
        if (form.pem().isBlank()) {
            errors.put("pem", problems.text("subscribers.error.pem"));
        } else {
            try {
                Certificate recorded = certificates.importCertificate(new Requests.Import(form.pem(), id, null,
                        TokenPages.blankToNull(form.tokenSerial())));
                flash.addFlashAttribute("flash", problems.text("subscribers.recorded", recorded.serial()));
                return "redirect:/certificates/" + recorded.serial();
            } catch (RuntimeException refusal) {
                problems.add(errors, refusal, "pem");
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return show(id, 0, form, FormErrors.onto(errors, IMPORT_FIELDS, "pem"), "import", model);
    }

    private String show(long id, int page, CertificateForm form, Map<String, String> errors, String open,
            Model model) {
        Subscriber subscriber = subscribers.get(id);
        model.addAttribute("s", subscribers.view(subscriber));
        model.addAttribute("certificates", certificateQueries.list(
                new CertificateQueries.Filter(null, true, id, null, null, null),
                new PageResult.PageRequest(Math.max(page, 0), 20)));
        model.addAttribute("tokens", tokens.list(new TokenQueries.Filter(null, true, null, null, id, null),
                new PageResult.PageRequest(0, 50), CurrentUser.require().roles()).items());
        model.addAttribute("cert", form);
        model.addAttribute("errors", errors);
        model.addAttribute("open", open);
        return "subscribers/one";
    }

    /** A file chosen wins over pasted text; a binary (DER) file is wrapped as PEM, the way openssl would. */
    private static String pasteOrFile(String pasted, MultipartFile file, String pemType) throws IOException {
        if (file == null || file.isEmpty()) {
            return pasted.strip();
        }
        if (file.getSize() > MAX_PEM_BYTES) {
            return "";
        }
        byte[] bytes = file.getBytes();
        boolean text = new String(bytes, StandardCharsets.US_ASCII).contains("-----BEGIN");
        return text ? new String(bytes, StandardCharsets.UTF_8).strip() : vn.kyso.ca.Pki.pem(pemType, bytes);
    }

    private LocalDate date(String text, String field, Map<String, String> errors) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.put(field, problems.text("subscribers.error.date"));
            return null;
        }
    }

    private Integer days(String text, Map<String, String> errors) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            errors.put("validityDays", problems.text("subscribers.error.days"));
            return null;
        }
    }
}
