package vn.kyso.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import vn.kyso.security.CurrentUser;
import vn.kyso.verify.ReceiptPdf;
import vn.kyso.verify.VerificationReport;
import vn.kyso.verify.VerificationService;

/** The clerk's pages: upload a document, read the verdict, file the receipt, look back at earlier checks. */
@Controller
@RequestMapping("/verify")
class VerifyPages {

    private static final String VERIFIERS = "hasAnyRole('ADMIN','REGISTRAR','CLERK','AGENCY_OFFICER')";

    private final VerificationService service;
    private final ReceiptPdf receipts;
    private final long maxFileBytes;

    VerifyPages(VerificationService service, ReceiptPdf receipts,
            @Value("${spring.servlet.multipart.max-file-size:50MB}") DataSize maxFile) {
        this.service = service;
        this.receipts = receipts;
        this.maxFileBytes = maxFile.toBytes();
    }

    @GetMapping
    @PreAuthorize(VERIFIERS)
    String form(Model model) {
        return form(model, Map.of(), null);
    }

    @PostMapping
    @PreAuthorize(VERIFIERS)
    String verify(@RequestParam(required = false) MultipartFile document,
            @RequestParam(required = false) MultipartFile signature,
            @RequestParam(required = false) String validationTime, Model model, HttpServletResponse response)
            throws IOException {
        Map<String, String> errors = new LinkedHashMap<>();
        if (document == null || document.getOriginalFilename() == null || document.getOriginalFilename().isBlank()) {
            errors.put("document", "verify.error.noFile");
        } else if (document.isEmpty()) {
            errors.put("document", "verify.error.emptyFile");
        }
        Instant at = null;
        if (validationTime != null && !validationTime.isBlank()) {
            try {
                // datetime-local sends the wall-clock time the official typed, which is Vietnam's
                at = LocalDateTime.parse(validationTime.strip()).atZone(PageText.VIETNAM).toInstant();
            } catch (DateTimeParseException e) {
                errors.put("validationTime", "verify.error.time");
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, errors, validationTime);
        }
        byte[] detached = signature == null || signature.isEmpty() ? null : signature.getBytes();
        VerificationReport report = service.verify(document.getBytes(), detached, document.getOriginalFilename(), at);
        return "redirect:/verify/" + report.id();
    }

    private String form(Model model, Map<String, String> errors, String validationTime) {
        model.addAttribute("errors", errors);
        model.addAttribute("validationTime", validationTime);
        model.addAttribute("maxFileBytes", maxFileBytes);
        model.addAttribute("maxFileText", DataSize.ofBytes(maxFileBytes).toMegabytes() + " MB");
        return "verify/form";
    }

    @GetMapping("/history")
    @PreAuthorize("isAuthenticated()")
    String history(Model model) {
        model.addAttribute("rows", service.recent(CurrentUser.require(), 50));
        return "verify/history";
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    String result(@PathVariable String id, Model model, HttpServletResponse response) {
        Optional<VerificationReport> report = service.get(id, CurrentUser.require());
        if (report.isEmpty()) {
            // Rendered here rather than through /error so the page keeps the signed-in header
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("status", 404);
            model.addAttribute("messageKey", "verify.notFound");
            return "error";
        }
        model.addAttribute("report", report.get());
        return "verify/result";
    }

    @GetMapping("/{id}/receipt.pdf")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> receipt(@PathVariable String id) {
        VerificationReport report = service.get(id, CurrentUser.require())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"kyso-" + report.id() + ".pdf\"")
                .body(receipts.render(report));
    }
}
