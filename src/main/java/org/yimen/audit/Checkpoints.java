package org.yimen.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed checkpoint files (HMAC-SHA256) in their own directory. The key lives in a file, never in the database, so
 * someone who can rewrite the database cannot forge a checkpoint that agrees with the rewrite.
 */
@Component
class Checkpoints {

    /** A checkpoint as read back, with whether its signature holds. */
    record Read(Path file, Checkpoint checkpoint, boolean signatureValid) {
    }

    private final Path directory;
    private final Path keyFile;
    private final JsonMapper json = JsonMapper.builder().build();

    Checkpoints(AuditProperties properties, @Value("${yimen.data-dir:./data}") Path dataDir) {
        this.directory = properties.checkpointDirectory() != null ? properties.checkpointDirectory()
                : dataDir.resolve("audit-checkpoints");
        this.keyFile = properties.checkpointKeyFile() != null ? properties.checkpointKeyFile()
                : dataDir.resolve("keys").resolve("audit-checkpoint.key");
    }

    Checkpoint write(long seq, String hash, long count, Instant at) {
        var unsigned = new Checkpoint(seq, hash, count, at, "");
        var signed = new Checkpoint(seq, hash, count, at, sign(unsigned.signedContent()));
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve("checkpoint-%012d-%d.json".formatted(seq, at.toEpochMilli()));
            Path temporary = Files.createTempFile(directory, "checkpoint", ".tmp");
            json.writeValue(temporary.toFile(), signed);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return signed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Read> readAll() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Read> checkpoints = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                Checkpoint checkpoint = json.readValue(file.toFile(), Checkpoint.class);
                boolean valid = MessageDigest.isEqual(
                        sign(checkpoint.signedContent()).getBytes(StandardCharsets.US_ASCII),
                        checkpoint.signature().getBytes(StandardCharsets.US_ASCII));
                checkpoints.add(new Read(file, checkpoint, valid));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return checkpoints;
    }

    Path directory() {
        return directory;
    }

    private String sign(String content) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized byte[] key() {
        try {
            if (!Files.exists(keyFile)) {
                Files.createDirectories(keyFile.getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Path temporary = Files.createTempFile(keyFile.getParent(), "key", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(temporary, Base64.getEncoder().encodeToString(key));
                try {
                    Files.move(temporary, keyFile);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    Files.delete(temporary);
                }
            }
            return Base64.getDecoder().decode(Files.readString(keyFile).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
