package vn.kyso.reorganisation;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /reorganisations} is the dry run (kept, with every item); {@code POST /{id}/start}
 * runs it as a background job (202); {@code GET /{id}} reads its progress and, when done, each
 * item's outcome ({@code items=false} for the progress alone).
 */
@RestController
@RequestMapping("/api/v1/reorganisations")
@PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
public class ReorganisationController {

    private final Reorganisations reorganisations;

    ReorganisationController(Reorganisations reorganisations) {
        this.reorganisations = reorganisations;
    }

    @PostMapping
    public ResponseEntity<Reorganisation.Job> plan(@Valid @RequestBody Reorganisation.Request request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(reorganisations.plan(request));
    }

    @PostMapping("/{id}/start")
    public ResponseEntity<Reorganisation.Job> start(@PathVariable String id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(reorganisations.start(id));
    }

    @GetMapping("/{id}")
    public Reorganisation.Job get(@PathVariable String id, @RequestParam(defaultValue = "true") boolean items) {
        return reorganisations.get(id, items);
    }
}
