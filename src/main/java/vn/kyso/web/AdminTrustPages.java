package vn.kyso.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kyso.ca.TrustAnchorController;

/** The roots Kyso trusts besides its own: listed, and added from a pasted or uploaded certificate. */
@Controller
@RequestMapping("/admin/trust-anchors")
@PreAuthorize("hasRole('ADMIN')")
class AdminTrustPages {

    private static final int MAX_PEM_CHARS = 65536;

    // The API's controller holds the checks and the audit entry; the page goes through it, not around it
    private final TrustAnchorController anchors;
    private final FormErrors problems;

    AdminTrustPages(TrustAnchorController anchors, FormErrors problems) {
        this.anchors = anchors;
        this.problems = problems;
    }

    @GetMapping
    String list(Model model) {
        return page(model, "", "", FormErrors.none());
    }

    @PostMapping
    String add(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String pem,
            @RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response,
            RedirectAttributes redirect) throws IOException {
        String text = pem.strip();
        if (file != null && !file.isEmpty()) {
            text = asPem(file.getBytes());
        }
        Map<String, String> errors = FormErrors.none();
        if (name.isBlank() || name.length() > 200) {
            errors.put("name", problems.text("admin.error.anchorName"));
        }
        if (text.isEmpty()) {
            errors.put("pem", problems.text("admin.error.noCertificate"));
        } else if (text.length() > MAX_PEM_CHARS) {
            errors.put("pem", problems.text("error.import.malformed"));
        }
        if (errors.isEmpty()) {
            try {
                anchors.add(new TrustAnchorController.AnchorRequest(name.strip(), text));
                redirect.addFlashAttribute("flash", problems.text("admin.anchors.added", name.strip()));
                return "redirect:/admin/trust-anchors";
            } catch (RuntimeException refusal) {
                problems.add(errors, refusal, "pem");
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        // A file's content is not echoed back into the text box: the official chose a file, not text
        return page(model, name, file != null && !file.isEmpty() ? "" : pem, errors);
    }

    /** A .cer is often DER; the service reads PEM text, so binary is wrapped the way openssl would. */
    private static String asPem(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (text.contains("-----BEGIN")) {
            return text.strip();
        }
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(bytes) + "\n-----END CERTIFICATE-----\n";
    }

    private String page(Model model, String name, String pem, Map<String, String> errors) {
        model.addAttribute("anchors", anchors.list());
        model.addAttribute("name", name);
        model.addAttribute("pem", pem);
        model.addAttribute("errors", errors);
        return "admin/trust-anchors";
    }
}
