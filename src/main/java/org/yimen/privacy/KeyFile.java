package org.yimen.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A key file: one {@code id=base64} line per key, oldest first, {@code #} comments allowed. Created with one fresh
 * key when missing: written to a private temporary file, then hard-linked into place, which fails if another process
 * got there first; the loser reads the winner's key, so two nodes starting together on a shared directory end up
 * with one key.
 */
final class KeyFile {

    private static final Logger log = LoggerFactory.getLogger(KeyFile.class);
    private static final SecureRandom random = new SecureRandom();
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private KeyFile() {
    }

    /** The keys in the file, in file order, creating the file with one new key if it does not exist. */
    static LinkedHashMap<String, byte[]> readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            } else if (POSIX && !Files.getPosixFilePermissions(file).stream().allMatch(KeyFile::ownerOnly)) {
                log.warn("The personal-data key file {} can be read by others than its owner; make it mode 600",
                        file);
            }
            return parse(file, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the personal-data key file " + file, e);
        }
    }

    static LinkedHashMap<String, byte[]> parse(Path file, String content) {
        var keys = new LinkedHashMap<String, byte[]>();
        for (String raw : content.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new IllegalStateException("Personal-data key file " + file + ": expected id=base64 lines");
            }
            String id = line.substring(0, equals).strip();
            if (!PrivacyProperties.KEY_ID.matcher(id).matches() || keys.containsKey(id)) {
                throw new IllegalStateException("Personal-data key file " + file + ": bad or repeated key id '" + id
                        + "'");
            }
            keys.put(id, Keyring.decode(line.substring(equals + 1).strip(), "key '" + id + "' in " + file));
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("Personal-data key file " + file + " holds no key");
        }
        return keys;
    }

    private static void create(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory, POSIX ? new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))} : new FileAttribute<?>[0]);
        byte[] key = new byte[Keyring.KEY_BYTES];
        random.nextBytes(key);
        byte[] idBytes = new byte[3];
        random.nextBytes(idBytes);
        String content = """
                # yimen personal-data key (个人信息加密密钥). Keep it secret and back it up with the data: without it
                # the sealed phone and ID numbers cannot be read. Never store it in the database.
                # One key per line (id=base64). The last line seals new values; the first derives the look-up index.
                # To rotate, append a line with a new id and 32 random bytes in base64, and keep the old lines.
                %s=%s
                """.formatted("k" + HexFormat.of().formatHex(idBytes), Base64.getEncoder().encodeToString(key));
        Path temporary = POSIX ? Files.createTempFile(directory, ".privacy-key", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(directory, ".privacy-key", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            try {
                Files.createLink(file, temporary);
                log.info("Created the personal-data key file {}; back it up with the data", file);
            } catch (FileAlreadyExistsException lostTheRace) {
                // Another node or thread created it first: its key is the one everybody uses.
            } catch (UnsupportedOperationException noHardLinks) {
                try {
                    Files.move(temporary, file);
                } catch (FileAlreadyExistsException lostTheRace) {
                    // as above
                }
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static boolean ownerOnly(PosixFilePermission permission) {
        return Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE).contains(permission);
    }
}
