package org.hostledger.api.admin.backup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import org.hostledger.api.web.ProblemHandler;
import org.hostledger.api.web.ReadsNoView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/backups}: an online backup of the embedded store, answered as a zip archive of the backup
 * directory ({@code manifest.json}, {@code hostledger.zip}, the signing key). {@code --backup=DIR} calls it and unpacks
 * the answer into DIR, so the backup is written where the operator runs the command, never at a path a client names.
 */
@ReadsNoView
@RestController
@RequestMapping("/api/admin/backups")
@Tag(name = "Administration")
public class BackupController {

    static final String ZIP = "application/zip";

    private final OnlineBackups backups;

    public BackupController(OnlineBackups backups) {
        this.backups = backups;
    }

    @PostMapping
    @Operation(
            summary = "Take an online backup of the embedded store (H2) and answer it as a zip archive",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The backup directory as a zip archive: manifest.json first",
                            content = @Content(mediaType = ZIP, schema = @Schema(type = "string", format = "binary"))))
    public void backup(HttpServletResponse response) throws IOException {
        Path work = backups.take();
        try {
            response.setStatus(HttpStatus.OK.value());
            response.setContentType(ZIP);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"hostledger-backup.zip\"");
            BackupFiles.zip(work, response.getOutputStream());
            response.flushBuffer();
        } finally {
            BackupFiles.delete(work);
        }
    }

    @ExceptionHandler(BackupRefused.class)
    ResponseEntity<Object> refused(BackupRefused e) {
        return ProblemHandler.problem(HttpStatus.CONFLICT, "No online backup on this store", e.getMessage(), null);
    }
}
