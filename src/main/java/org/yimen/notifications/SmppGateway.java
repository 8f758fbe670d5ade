package org.yimen.notifications;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Short messages over SMPP 3.4 (jsmpp). The node keeps one bound session (transmitter or transceiver) open and lets
 * jsmpp's enquire_link keep it alive; a session that dropped, timed out or was never opened is bound again on the
 * next message, so an SMSC restart costs one failed try. Text goes as UCS2; a long text as concatenated parts or as
 * {@code message_payload} ({@link ShortMessageParts}). The session is this node's own; nothing in it is needed by
 * another node.
 *
 * <p>Bound as a transceiver (the default), it asks for a delivery receipt of every part ({@code registered_delivery}
 * success and failure) and files the receipts the SMSC sends back on the same session ({@link DeliveryReceipts});
 * they reach whichever node's session the SMSC picks, which is fine, since they are applied through the database. An
 * account that may only bind as a transmitter gets its receipts on a second session of this node, bound as a
 * receiver. So that receipts arrive while the node has nothing to send, the dispatcher binds the session that
 * receives them again when it dropped ({@link #keepBound}). Other {@code deliver_sm} (a citizen answering the short
 * message) are acknowledged and ignored: yimen takes no replies by SMS.
 */
@Component
class SmppGateway implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SmppGateway.class);
    /** SMPP 3.4 command_status values that no retry will change: invalid source or destination address. */
    private static final List<Integer> PERMANENT = List.of(0x0A, 0x0B);
    /** SMPP 3.4 command_status for a receipt yimen cannot file now (ESME_RX_T_APPN): the SMSC sends it again. */
    private static final int TRY_AGAIN_LATER = 0x64;

    private final NotificationsProperties.Smpp configured;
    private final DeliveryReceipts receipts;
    private volatile NotificationsProperties.Smpp settings;
    private @Nullable SMPPSession session;
    /** The receiver session of a transmitter-only account that asks for receipts. */
    private @Nullable SMPPSession receiver;
    private boolean unavailableLogged;
    /**
     * After a failed bind for receipts no other is tried before this {@link System#nanoTime}: a down SMSC would
     * otherwise hold up every dispatch run for the connect timeout.
     */
    private long nextReceiverBind = System.nanoTime();

    SmppGateway(NotificationsProperties properties, DeliveryReceipts receipts) {
        this.configured = properties.smpp();
        this.receipts = receipts;
        this.settings = configured;
    }

    /** Whether an SMSC is configured (not whether it answers). */
    boolean ready() {
        return settings.configured();
    }

    /** Points this gateway at another SMSC (or at none with {@code null}), closing the session; for tests. */
    synchronized void target(NotificationsProperties.@Nullable Smpp smsc) {
        close();
        settings = smsc == null ? configured.at("", configured.port()) : smsc;
    }

    /** Back to the configured SMSC. */
    synchronized void resetTarget() {
        close();
        settings = configured;
    }

    /** Hands a text to the SMSC; {@code reference} numbers the parts of one long message (only its low byte). */
    synchronized Sent send(String phone, String text, int reference) throws DeliveryFailed {
        var smsc = settings;
        if (!smsc.configured()) {
            throw new DeliveryFailed(DeliveryFailed.Kind.UNAVAILABLE, "no SMSC is configured");
        }
        var parts = ShortMessageParts.of(text, smsc.longMessages(), reference);
        SMPPSession bound = bound(session, smsc,
                smsc.bind() == NotificationsProperties.Bind.TRANSCEIVER ? BindType.BIND_TRX : BindType.BIND_TX);
        session = bound;
        var registered = new RegisteredDelivery(smsc.deliveryReceipts() ? SMSCDeliveryReceipt.SUCCESS_FAILURE
                : SMSCDeliveryReceipt.DEFAULT);
        List<String> ids = new ArrayList<>(parts.size());
        for (var part : parts) {
            var esm = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT,
                    part.udh() ? GSMSpecificFeature.UDHI : GSMSpecificFeature.DEFAULT);
            OptionalParameter[] optional = part.payload().length == 0 ? new OptionalParameter[0]
                    : new OptionalParameter[] {new OptionalParameter.Message_payload(part.payload())};
            try {
                var result = bound.submitShortMessage(smsc.systemType(), sourceTon(smsc.sourceAddress()),
                        NumberingPlanIndicator.UNKNOWN, smsc.sourceAddress(), TypeOfNumber.UNKNOWN,
                        NumberingPlanIndicator.ISDN, phone, esm, (byte) 0, (byte) 1, null, null,
                        registered, (byte) 0,
                        new GeneralDataCoding(Alphabet.ALPHA_UCS2), (byte) 0, part.shortMessage(), optional);
                ids.add(result.getMessageId());
            } catch (NegativeResponseException e) {
                int status = e.getCommandStatus();
                throw new DeliveryFailed(PERMANENT.contains(status) ? DeliveryFailed.Kind.PERMANENT
                        : DeliveryFailed.Kind.TEMPORARY, "the SMSC refused the message with status 0x"
                        + Integer.toHexString(status) + sentSoFar(ids, parts.size()), e);
            } catch (ResponseTimeoutException | IOException e) {
                // Only the sending session: a receiver session has its own connection and stays.
                bound.unbindAndClose();
                session = null;
                throw new DeliveryFailed(DeliveryFailed.Kind.UNAVAILABLE, "no answer from the SMSC at " + smsc.host()
                        + ":" + smsc.port() + " (" + e.getMessage() + ")" + sentSoFar(ids, parts.size()), e);
            } catch (PDUException | InvalidResponseException e) {
                throw new DeliveryFailed(DeliveryFailed.Kind.TEMPORARY, "the SMSC exchange failed: " + e.getMessage()
                        + sentSoFar(ids, parts.size()), e);
            }
        }
        return new Sent(ids, smsc.deliveryReceipts());
    }

    /**
     * Binds the session receipts come on when it is not bound: the transceiver, or a transmitter-only account's
     * receiver. So receipts reach this node while it has nothing to send (an SMSC keeps them for a bound session). A
     * failure is logged once until a bind succeeds; after one, the next try waits an enquire_link interval (a send may
 * bind sooner).
     */
    synchronized void keepBound() {
        var smsc = settings;
        if (!smsc.configured() || !smsc.deliveryReceipts() || System.nanoTime() - nextReceiverBind < 0) {
            return;
        }
        try {
            if (smsc.bind() == NotificationsProperties.Bind.TRANSCEIVER) {
                session = bound(session, smsc, BindType.BIND_TRX);
            } else {
                receiver = bound(receiver, smsc, BindType.BIND_RX);
            }
            unavailableLogged = false;
        } catch (DeliveryFailed e) {
            nextReceiverBind = System.nanoTime() + smsc.enquireLinkInterval().toNanos();
            if (!unavailableLogged) {
                log.warn("No session to receive delivery receipts on: {}", e.getMessage());
                unavailableLogged = true;
            }
        }
    }

    private static String sentSoFar(List<String> ids, int parts) {
        return ids.isEmpty() ? "" : " after " + ids.size() + " of " + parts + " parts";
    }

    private static TypeOfNumber sourceTon(String source) {
        return source.isEmpty() || source.chars().allMatch(Character::isDigit) ? TypeOfNumber.UNKNOWN
                : TypeOfNumber.ALPHANUMERIC;
    }

    /** {@code current} if it is bound, else a new session bound as {@code bind} ({@code current} is closed). */
    private SMPPSession bound(@Nullable SMPPSession current, NotificationsProperties.Smpp smsc, BindType bind)
            throws DeliveryFailed {
        if (current != null && current.getSessionState().isBound()) {
            return current;
        }
        if (current != null) {
            current.unbindAndClose();
        }
        int connectMillis = (int) smsc.connectTimeout().toMillis();
        var fresh = new SMPPSession((host, port) -> {
            var socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), connectMillis);
            return new SocketConnection(socket);
        });
        fresh.setTransactionTimer(smsc.responseTimeout().toMillis());
        fresh.setEnquireLinkTimer((int) smsc.enquireLinkInterval().toMillis());
        fresh.setMessageReceiverListener(new Receiver());
        try {
            fresh.connectAndBind(smsc.host(), smsc.port(), new BindParameter(bind, smsc.systemId(), smsc.password(),
                    smsc.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), connectMillis);
        } catch (IOException e) {
            fresh.unbindAndClose();
            throw new DeliveryFailed(DeliveryFailed.Kind.UNAVAILABLE, "cannot bind to the SMSC at " + smsc.host() + ":"
                    + smsc.port() + " (" + e.getMessage() + ")", e);
        }
        log.info("Bound to the SMSC at {}:{} as {} ({})", smsc.host(), smsc.port(), smsc.systemId(), bind);
        return fresh;
    }

    private synchronized void close() {
        for (SMPPSession current : new SMPPSession[] {session, receiver}) {
            if (current != null) {
                current.unbindAndClose();
            }
        }
        session = null;
        receiver = null;
        nextReceiverBind = System.nanoTime();
    }

    @Override
    public void destroy() {
        close();
    }

    /** What the SMSC sends on a session that receives. Logs carry message ids and states, never numbers or texts. */
    private final class Receiver implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            if (!deliverSm.isSmscDeliveryReceipt()) {
                log.info("A short message from a handset was ignored: yimen takes no replies by SMS");
                return;
            }
            var receipt = Receipt.of(deliverSm);
            if (receipt.isEmpty()) {
                log.warn("A delivery receipt without a readable message id or state was ignored");
                return;
            }
            if (receipt.get().outcome() == null) {
                log.debug("Delivery receipt for {}: {}, not final", receipt.get().messageId(), receipt.get().state());
                return;
            }
            try {
                receipts.accept(receipt.get());
            } catch (RuntimeException e) {
                log.warn("Delivery receipt for {} not filed, the SMSC will send it again: {}",
                        receipt.get().messageId(), e.toString());
                throw new ProcessRequestException("cannot file the receipt now", TRY_AGAIN_LATER);
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
            // Only sent to ESMEs that asked to be alerted when a handset is back; yimen does not ask.
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not supported", 0x03);
        }
    }
}
