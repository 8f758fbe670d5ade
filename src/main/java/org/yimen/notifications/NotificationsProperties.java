package org.yimen.notifications;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings ({@code yimen.notifications}). E-mail goes through Spring Boot's {@code spring.mail.*}; with
 * no {@code spring.mail.host} and no {@code smpp.host}, messages are kept in the outbox as {@code HELD}.
 *
 * @param dispatchInterval how often each node looks for messages due
 * @param batchSize how many messages one node claims and sends in one transaction
 * @param maxAttempts tries before a message is given up as {@code FAILED}
 * @param retryDelay the wait after the first failed try; it doubles with every further one
 * @param maxRetryDelay the longest wait between two tries
 * @param smsSignature the sender's signature (短信签名, e.g. 【某某政务服务中心】) put before every text, if set
 * @param mailFrom the sender of e-mails
 * @param smpp the short-message service centre (SMSC)
 * @param codes the phone verification codes
 * @param retention how long a sent or failed message stays in the outbox (with its sealed recipient and text) before
 *     the daily clean-up removes it; at least a day
 */
@ConfigurationProperties("yimen.notifications")
record NotificationsProperties(
        @DefaultValue("PT5S") Duration dispatchInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("PT30S") Duration retryDelay,
        @DefaultValue("PT30M") Duration maxRetryDelay,
        @Nullable String smsSignature,
        @DefaultValue("yimen@localhost") String mailFrom,
        @DefaultValue Smpp smpp,
        @DefaultValue Codes codes,
        @DefaultValue("180d") Duration retention) {

    NotificationsProperties {
        if (batchSize < 1 || maxAttempts < 1 || retryDelay.isNegative() || maxRetryDelay.compareTo(retryDelay) < 0
                || !dispatchInterval.isPositive()) {
            throw new IllegalArgumentException("yimen.notifications: batch size and attempts at least 1, delays"
                    + " positive and max-retry-delay not below retry-delay");
        }
        // A verification code is kept a day and points at its message: nothing younger may go.
        if (retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("yimen.notifications.retention must be at least one day, not "
                    + retention);
        }
    }

    /** How a bound session is opened. */
    enum Bind {
        TRANSMITTER, TRANSCEIVER
    }

    /** How a text longer than one short message travels. */
    enum LongMessages {
        /** Several {@code submit_sm}, each with a concatenation header (UDH), reassembled by the handset. */
        UDH,
        /** One {@code submit_sm} with the whole text in the {@code message_payload} parameter. */
        PAYLOAD
    }

    /**
     * The SMSC reached over SMPP 3.4. Unset {@code host}: no short messages are sent.
     *
     * @param host the SMSC's host name
     * @param port its SMPP port
     * @param systemId the account (system_id) yimen binds as
     * @param password its password
     * @param systemType the system_type some SMSCs ask for
     * @param sourceAddress the sender number or name shown on the phone (the 服务号码)
     * @param bind transceiver (sends and receives delivery receipts on one session) or transmitter (sends only; the
     *     receipts come on a second session bound as a receiver)
     * @param longMessages concatenated parts (UDH) or one {@code message_payload}
     * @param connectTimeout how long to wait for the connection and the bind answer
     * @param responseTimeout how long to wait for the answer to one {@code submit_sm}
     * @param enquireLinkInterval how often an idle session checks that the SMSC is still there
     * @param deliveryReceipts whether to ask for a delivery receipt (状态报告) of every message
     */
    record Smpp(
            @Nullable String host,
            @DefaultValue("2775") int port,
            @DefaultValue("") String systemId,
            @DefaultValue("") String password,
            @DefaultValue("") String systemType,
            @DefaultValue("") String sourceAddress,
            @DefaultValue("TRANSCEIVER") Bind bind,
            @DefaultValue("UDH") LongMessages longMessages,
            @DefaultValue("PT5S") Duration connectTimeout,
            @DefaultValue("PT10S") Duration responseTimeout,
            @DefaultValue("PT30S") Duration enquireLinkInterval,
            @DefaultValue("true") boolean deliveryReceipts) {

        boolean configured() {
            return host != null && !host.isBlank();
        }

        /** The same SMSC account at another address (for tests that start an SMSC on a free port). */
        Smpp at(String newHost, int newPort) {
            return new Smpp(newHost, newPort, systemId, password, systemType, sourceAddress, bind, longMessages,
                    connectTimeout, responseTimeout, enquireLinkInterval, deliveryReceipts);
        }
    }

    /**
     * Phone verification codes (短信验证码).
     *
     * @param validFor how long a code may be used
     * @param maxAttempts wrong tries before a code is burnt
     * @param perPhone codes one phone number may be sent per {@code window}
     * @param perAddress codes one client address may ask for per {@code window}
     * @param verificationsPerAddress tries one client address may make per {@code window}
     * @param window the window of those limits
     * @param resendAfter the least time between two codes to one phone number
     */
    record Codes(
            @DefaultValue("PT5M") Duration validFor,
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("5") int perPhone,
            @DefaultValue("20") int perAddress,
            @DefaultValue("60") int verificationsPerAddress,
            @DefaultValue("PT1H") Duration window,
            @DefaultValue("PT1M") Duration resendAfter) {

        Codes {
            if (!validFor.isPositive() || maxAttempts < 1 || perPhone < 1 || perAddress < 1
                    || verificationsPerAddress < 1 || !window.isPositive() || !resendAfter.isPositive()) {
                throw new IllegalArgumentException("yimen.notifications.codes: durations and counts must be positive");
            }
        }
    }
}
