package org.hostledger.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.hostledger.api.web.ReadsNoView;
import org.hostledger.store.processing.ProjectionProgress;
import org.hostledger.store.processing.ProjectionReplays;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@ReadsNoView
@RestController
@RequestMapping("/api/admin/projections")
@Tag(name = "Administration")
public class AdminController {

    /** The path name that rebuilds every projection in one pass. */
    public static final String ALL = "all";

    private final ProjectionProgress progress;
    private final ProjectionReplays replays;

    public AdminController(ProjectionProgress progress, ProjectionReplays replays) {
        this.progress = progress;
        this.replays = replays;
    }

    @GetMapping
    @Operation(summary = "Each projection's processor: running, replaying, position, head, percent")
    public List<ProjectionProgress.Status> projections() {
        return progress.statuses();
    }

    @PostMapping("/{name}/replay")
    @Operation(
            summary = "Rebuild one projection from the first event",
            description = "The name `all` rebuilds every projection from one read of the event store.")
    public ResponseEntity<Map<String, String>> replay(@PathVariable String name) {
        replays.replay(ALL.equals(name) ? progress.names() : List.of(name));
        return ResponseEntity.accepted()
                .location(URI.create("/api/admin/projections"))
                .body(Map.of("projection", name, "status", "replay started"));
    }
}
