package org.yimen.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP through the {@link JavaMailSender} Spring Boot builds from {@code spring.mail.*}; none when
 * {@code spring.mail.host} is unset. Jakarta Mail waits for ever by default, so missing connection, read and write
 * timeouts are set to a few seconds: a dead mail server must not hold a dispatcher.
 */
@Component
class SmtpGateway {

    private static final Map<String, String> TIMEOUTS = Map.of("mail.smtp.connectiontimeout", "5000",
            "mail.smtp.timeout", "10000", "mail.smtp.writetimeout", "10000");

    private final @Nullable JavaMailSender configured;
    private final String from;
    private final Clock clock;
    private volatile @Nullable JavaMailSender sender;

    @Autowired
    SmtpGateway(ObjectProvider<JavaMailSender> senders, NotificationsProperties properties, Clock clock) {
        this(senders.getIfAvailable(), properties, clock);
    }

    SmtpGateway(@Nullable JavaMailSender sender, NotificationsProperties properties, Clock clock) {
        this.configured = withTimeouts(sender);
        this.sender = configured;
        this.from = properties.mailFrom();
        this.clock = clock;
    }

    /** Whether an SMTP server is configured (not whether it answers). */
    boolean ready() {
        return sender != null;
    }

    /** Sends through another mail sender (or none); for tests. */
    void target(@Nullable JavaMailSender other) {
        sender = withTimeouts(other);
    }

    /** Back to the configured mail sender. */
    void resetTarget() {
        sender = configured;
    }

    Sent send(String to, String subject, String text) throws DeliveryFailed {
        JavaMailSender current = sender;
        if (current == null) {
            throw new DeliveryFailed(DeliveryFailed.Kind.UNAVAILABLE, "no SMTP server is configured");
        }
        try {
            MimeMessage message = current.createMimeMessage();
            var helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text, false);
            helper.setSentDate(Date.from(clock.instant()));
            current.send(message);
            String id = message.getMessageID();
            return new Sent(List.of(id == null ? "" : id), false);
        } catch (MessagingException e) {
            throw new DeliveryFailed(DeliveryFailed.Kind.PERMANENT, "the e-mail could not be built: "
                    + e.getMessage(), e);
        } catch (MailAuthenticationException e) {
            throw new DeliveryFailed(DeliveryFailed.Kind.UNAVAILABLE, "the SMTP server refused the sign-in: "
                    + e.getMessage(), e);
        } catch (MailSendException e) {
            boolean refusedAddress = e.getFailedMessages().values().stream()
                    .anyMatch(f -> f instanceof SendFailedException s && s.getInvalidAddresses() != null
                            && s.getInvalidAddresses().length > 0);
            boolean noConnection = e.getFailedMessages().isEmpty() || String.valueOf(e.getMessage())
                    .startsWith("Mail server connection failed");
            throw new DeliveryFailed(refusedAddress ? DeliveryFailed.Kind.PERMANENT : noConnection
                    ? DeliveryFailed.Kind.UNAVAILABLE : DeliveryFailed.Kind.TEMPORARY, "the SMTP server did not take"
                    + " the e-mail: " + e.getMessage(), e);
        } catch (MailException e) {
            throw new DeliveryFailed(DeliveryFailed.Kind.TEMPORARY, "the e-mail failed: " + e.getMessage(), e);
        }
    }

    private static @Nullable JavaMailSender withTimeouts(@Nullable JavaMailSender sender) {
        if (sender instanceof JavaMailSenderImpl impl) {
            TIMEOUTS.forEach((key, value) -> {
                if (impl.getJavaMailProperties().getProperty(key) == null) {
                    impl.getJavaMailProperties().setProperty(key, value);
                }
            });
        }
        return sender;
    }
}
