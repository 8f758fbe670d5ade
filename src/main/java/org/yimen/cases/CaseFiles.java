package org.yimen.cases;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;
import org.yimen.shared.Rejected;

/**
 * Materials uploaded with a case, stored under {@code ${yimen.data-dir}/cases} and recorded with their checksum. The
 * type is judged by the file's first bytes, never by its name or the browser's word: only PDF, JPEG and PNG are kept.
 * A file is written before its row and removed again if the transaction rolls back, so no row points to nothing.
 */
@Component
class CaseFiles {

    /** One stored file as pages and the API list it. */
    record StoredFile(long id, long caseId, String material, String fileName, String contentType, long sizeBytes,
            String sha256, Instant uploadedAt) {
    }

    /** A file as the applicant sent it, before it is checked. */
    record Upload(String material, String fileName, byte[] content) {
    }

    /**
     * The files of an upload form, where the inputs named {@code file_<i>} hold the files of {@code materials.get(i)};
     * inputs left empty are skipped.
     */
    static List<Upload> fromForm(List<String> materials, HttpServletRequest request) {
        List<Upload> uploads = new ArrayList<>();
        var multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) {
            return uploads;
        }
        for (int i = 0; i < materials.size(); i++) {
            for (MultipartFile file : multipart.getFiles("file_" + i)) {
                String name = file.getOriginalFilename();
                if (file.isEmpty() && (name == null || name.isEmpty())) {
                    continue;
                }
                try {
                    uploads.add(new Upload(materials.get(i), name == null ? "file" : name, file.getBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return uploads;
    }

    private final JdbcClient jdbc;
    private final Path root;
    private final DataSize maxSize;
    private final Clock clock;

    CaseFiles(JdbcClient jdbc, Clock clock, @Value("${yimen.data-dir:./data}") Path dataDir,
            @Value("${yimen.cases.upload-max-size:10MB}") DataSize maxSize) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.root = dataDir.resolve("cases").toAbsolutePath().normalize();
        this.maxSize = maxSize;
    }

    /** The largest file accepted, in whole megabytes as the pages and the refusal state it. */
    long maxMegabytes() {
        return maxSize.toMegabytes();
    }

    /** Refuses a file that is empty, too large or not a PDF, JPEG or PNG by content, naming the file. */
    static String contentType(Upload upload, DataSize maxSize) {
        byte[] b = upload.content();
        if (b.length == 0) {
            throw Rejected.invalid("files", "cases.upload.empty", upload.fileName());
        }
        if (b.length > maxSize.toBytes()) {
            throw Rejected.invalid("files", "cases.upload.tooLarge", upload.fileName(), maxSize.toMegabytes());
        }
        if (starts(b, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return "application/pdf";
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        throw Rejected.invalid("files", "cases.upload.type", upload.fileName());
    }

    /** Checks every upload first, so one bad file refuses the lot before anything is written. */
    void checkAll(List<Upload> uploads) {
        uploads.forEach(u -> contentType(u, maxSize));
    }

    /** Stores the uploads of a case inside the caller's transaction. */
    void store(long caseId, String caseNumber, List<Upload> uploads) {
        Path folder = root.resolve(caseNumber.replaceAll("[^A-Za-z0-9-]", "_"));
        for (Upload upload : uploads) {
            String type = contentType(upload, maxSize);
            String extension = switch (type) {
                case "application/pdf" -> ".pdf";
                case "image/jpeg" -> ".jpg";
                default -> ".png";
            };
            Path target = folder.resolve(UUID.randomUUID() + extension);
            write(target, upload.content());
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        deleteQuietly(target);
                    }
                }
            });
            jdbc.sql("""
                    insert into case_file (case_id, material, file_name, content_type, size_bytes, sha256,
                        stored_path, uploaded_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(caseId, upload.material(), clip(upload.fileName()), type, upload.content().length,
                            sha256(upload.content()), root.relativize(target).toString(),
                            Timestamp.from(clock.instant()))
                    .update();
        }
    }

    List<StoredFile> list(long caseId) {
        return jdbc.sql("""
                select id, case_id, material, file_name, content_type, size_bytes, sha256, uploaded_at
                from case_file where case_id = ? order by id""").param(caseId)
                .query((rs, row) -> new StoredFile(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
                .list();
    }

    /** A file's content, refused if the file on disk no longer matches its checksum. */
    Optional<byte[]> read(long caseId, long fileId) {
        return jdbc.sql("select stored_path, sha256 from case_file where case_id = ? and id = ?")
                .params(caseId, fileId)
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)}).optional()
                .map(row -> {
                    try {
                        byte[] content = Files.readAllBytes(root.resolve(row[0]).normalize());
                        if (!sha256(content).equals(row[1])) {
                            throw Rejected.conflict(null, "cases.upload.damaged");
                        }
                        return content;
                    } catch (IOException e) {
                        throw Rejected.conflict(null, "cases.upload.damaged");
                    }
                });
    }

    private static void write(Path target, byte[] content) {
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".upload", ".part");
            Files.write(temporary, content);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not store an uploaded material", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // an orphan file is harmless: no row refers to it
        }
    }

    private static boolean starts(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String clip(String name) {
        String plain = name == null ? "" : name.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        return plain.length() > 200 ? plain.substring(plain.length() - 200) : plain;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
