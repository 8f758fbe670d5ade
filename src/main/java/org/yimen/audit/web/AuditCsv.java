package org.yimen.audit.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.yimen.audit.AuditRecord;

/** Audit records as CSV (RFC 4180) with a byte-order mark, so spreadsheet programs read the Chinese correctly. */
final class AuditCsv implements AutoCloseable {

    private final Writer out;
    private final MessageSource messages;
    private final Locale locale;
    private final ZoneId zone;

    AuditCsv(OutputStream stream, MessageSource messages, Locale locale, ZoneId zone) {
        this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        this.messages = messages;
        this.locale = locale;
        this.zone = zone;
    }

    void header() {
        row("seq", "time", "actorType", "actorId", "actorName", "actorRoles", "action", "actionLabel", "targetType",
                "targetId", "detail", "clientAddress", "link", "hash");
    }

    void write(AuditRecord r) {
        row(Long.toString(r.seq()), r.occurredAt().atZone(zone).toOffsetDateTime().toString(), r.actor().kind().name(),
                r.actor().id(), r.actor().name(), r.actor().role(), r.action(),
                messages.getMessage(r.action(), null, r.action(), locale), r.targetType(), r.targetId(), r.detail(),
                r.clientAddress(), r.link() == null ? "" : r.link().toString(), r.hash() == null ? "" : r.hash());
    }

    private void row(String... fields) {
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(quote(fields[i]));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String quote(String field) {
        // A leading = + - @ would make a spreadsheet evaluate the cell; prefix it so it stays text.
        String safe = !field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0 ? "'" + field : field;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void close() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
