package vn.kyso.imports;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.kyso.common.ApiException;

/** Imports of agencies, subscribers, tokens and certificates: a dry run per upload, then the real run. */
@RestController
@RequestMapping("/api/v1/imports")
@PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
public class ImportController {

    private final ImportService service;

    public ImportController(ImportService service) {
        this.service = service;
    }

    @Operation(summary = "Upload a file and dry-run it",
            description = "kind: AGENCIES | SUBSCRIBERS | TOKENS (CSV or .xlsx) or CERTIFICATES (DER, PEM, PKCS#7 or a"
                    + " zip of them, with an optional CSV of certificate and token serials). Answers 202 with the job"
                    + " (status PLANNING) and runs the dry run in the background; poll GET /imports/{id} until it is"
                    + " PLANNED (can be applied) or REJECTED (the rows at fault are named). A file that cannot be read"
                    + " at all answers 400, 413 or 422 and creates no job.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<ImportService.JobView> plan(@RequestParam(required = false) String kind,
            @RequestPart(value = "file", required = false) MultipartFile file) throws IOException {
        if (file == null) {
            throw ApiException.badField("file", "error.required");
        }
        ImportService.JobView job = service.plan(kind(kind), file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.status(HttpStatus.ACCEPTED).header("Location", "/api/v1/imports/" + job.id()).body(job);
    }

    @Operation(summary = "Apply a planned job",
            description = "Starts the real run in the background and answers 202 with the job (status APPLYING)."
                    + " 409 when the job is not PLANNED, or when the database changed since the dry run so that the"
                    + " plan no longer holds (changedRows lists them; upload the file again for a new plan).")
    @PostMapping("/{id}/apply")
    public ResponseEntity<ImportService.JobView> apply(@PathVariable String id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(service.apply(id));
    }

    @Operation(summary = "A job: status, rows done of the total, counts per outcome, and its rows")
    @GetMapping("/{id}")
    public ImportService.JobView get(@PathVariable String id,
            @Parameter(description = "false leaves the rows out, for polling") @RequestParam(defaultValue = "true")
            boolean rows) {
        return service.get(id, rows);
    }

    @GetMapping
    public List<ImportService.JobView> recent(@RequestParam(defaultValue = "50") int limit) {
        return service.recent(Math.max(1, Math.min(limit, 500)));
    }

    @Operation(summary = "The row-by-row plan or result as CSV (UTF-8 with BOM, messages in Vietnamese and English)")
    @GetMapping(value = "/{id}/result.csv", produces = "text/csv")
    public void result(@PathVariable String id, HttpServletResponse response) throws IOException {
        service.get(id, false);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + ".csv\"");
        var writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        service.writeCsv(id, writer);
        writer.flush();
    }

    static ImportKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            throw ApiException.badField("kind", "error.required");
        }
        try {
            return ImportKind.valueOf(kind.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("kind", "imports.error.kind", kind);
        }
    }
}
