package vn.kyso.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kyso.common.ApiException;
import vn.kyso.common.Messages;
import vn.kyso.common.Violations;
import vn.kyso.imports.ImportKind;
import vn.kyso.imports.ImportProperties;
import vn.kyso.imports.ImportService;

/**
 * The registrar's import pages: upload a file and read its dry run row by row, apply it, watch
 * the real run (the page asks the browser to reload itself while it runs) and download the result.
 */
@Controller
@RequestMapping("/imports")
class ImportPages {

    /** A page shows this many rows; the CSV has every one. */
    private static final int ROWS_SHOWN = 500;

    private final ImportService service;
    private final Messages messages;
    private final ImportProperties properties;

    ImportPages(ImportService service, Messages messages, ImportProperties properties) {
        this.service = service;
        this.messages = messages;
        this.properties = properties;
    }

    @GetMapping
    @PreAuthorize(TokenPages.WRITERS)
    String form(Model model) {
        model.addAttribute("kinds", ImportKind.values());
        model.addAttribute("jobs", service.recent(30));
        model.addAttribute("maxFileText", properties.maxFileSize().toMegabytes() + " MB");
        return "imports/list";
    }

    @PostMapping
    @PreAuthorize(TokenPages.WRITERS)
    String upload(@RequestParam(required = false) String kind, @RequestParam(required = false) MultipartFile file,
            Model model, HttpServletResponse response) throws IOException {
        String problem = null;
        if (file == null || file.isEmpty()) {
            problem = messages.get("imports.noFile", LocaleContextHolder.getLocale());
        } else {
            try {
                ImportKind chosen = ImportKind.valueOf(String.valueOf(kind));
                return "redirect:/imports/" + service.plan(chosen, file.getOriginalFilename(), file.getBytes()).id();
            } catch (IllegalArgumentException e) {
                problem = messages.get("imports.error.kind", LocaleContextHolder.getLocale(), kind);
            } catch (ApiException e) {
                response.setStatus(e.status().value());
                problem = messages.get(e.key(), LocaleContextHolder.getLocale(), e.args());
            } catch (Violations.Invalid e) {
                var v = e.violations().get(0);
                problem = messages.get(v.key(), LocaleContextHolder.getLocale(), v.args());
            }
        }
        if (response.getStatus() < 400) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("problem", problem);
        model.addAttribute("kind", kind);
        return form(model);
    }

    @GetMapping("/{id}")
    @PreAuthorize(TokenPages.WRITERS)
    String job(@PathVariable String id, Model model, HttpServletResponse response) {
        ImportService.JobView job = service.get(id, true);
        if ("PLANNING".equals(job.status()) || "APPLYING".equals(job.status())) {
            // a plain reload every two seconds shows the progress without any script
            response.setHeader("Refresh", "2");
        }
        List<ImportService.RowView> rows = job.rows();
        if ("REJECTED".equals(job.status())) {
            // the rows at fault first: they are what the official has to correct
            rows = rows.stream().sorted((a, b) -> Boolean.compare(b.outcome().name().equals("REJECT"),
                    a.outcome().name().equals("REJECT"))).toList();
        }
        model.addAttribute("job", job);
        model.addAttribute("rows", rows.subList(0, Math.min(rows.size(), ROWS_SHOWN)));
        model.addAttribute("rowCount", rows.size());
        return "imports/job";
    }

    @PostMapping("/{id}/apply")
    @PreAuthorize(TokenPages.WRITERS)
    String apply(@PathVariable String id, RedirectAttributes flash) {
        try {
            service.apply(id);
        } catch (ApiException e) {
            flash.addFlashAttribute("problem", messages.get(e.key(), LocaleContextHolder.getLocale(), e.args()));
        }
        return "redirect:/imports/" + id;
    }

    @GetMapping("/{id}/result.csv")
    @PreAuthorize(TokenPages.WRITERS)
    void result(@PathVariable String id, HttpServletResponse response) throws IOException {
        service.get(id, false);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + ".csv\"");
        var writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        service.writeCsv(id, writer);
        writer.flush();
    }
}
