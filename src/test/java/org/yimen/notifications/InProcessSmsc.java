package org.yimen.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.AbstractSmCommand;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

/**
 * An SMSC for tests, on a free local port: jsmpp's own server side. It accepts binds with one system id and
 * password, answers every {@code submit_sm} with a message id (or with an error status while told to refuse), and keeps
 * every PDU it took, so tests can decode what a handset would show. On a transceiver session it sends delivery
 * receipts when a test tells it to.
 */
final class InProcessSmsc implements AutoCloseable {

    static final String SYSTEM_ID = "yimen";
    static final String PASSWORD = "secret12";
    /** SMPP 3.4 command_status: invalid password (bind refused), throttling (submit refused for now). */
    static final int ESME_RINVPASWD = 0x0E;
    static final int ESME_RTHROTTLED = 0x58;

    /** One {@code submit_sm} as the SMSC took it, with the session (bind) it came on. */
    record Received(int session, String source, String destination, byte dataCoding, boolean udhi,
            byte[] shortMessage, byte[] payload, String messageId, byte registeredDelivery) {

        /** The text of this PDU: UCS2 after the user data header, if any, or in {@code message_payload}. */
        String text() {
            byte[] bytes = payload.length > 0 ? payload
                    : udhi ? Arrays.copyOfRange(shortMessage, 1 + (shortMessage[0] & 0xFF), shortMessage.length)
                    : shortMessage;
            return new String(bytes, StandardCharsets.UTF_16BE);
        }

        /** The concatenation header: reference, total, sequence number; null without one. */
        int[] concatenation() {
            if (!udhi) {
                return null;
            }
            return new int[] {shortMessage[3] & 0xFF, shortMessage[4] & 0xFF, shortMessage[5] & 0xFF};
        }
    }

    private final int port;
    private final SMPPServerSessionListener listener;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        var t = new Thread(r, "in-process-smsc");
        t.setDaemon(true);
        return t;
    });
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger binds = new AtomicInteger();
    private final Map<SMPPServerSession, org.jsmpp.bean.BindType> boundAs =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private volatile int refusalStatus;
    private volatile long delayMillis;
    private volatile long hexBase = -1;
    private volatile boolean closed;

    private InProcessSmsc(int port) throws IOException {
        this.port = port;
        this.listener = new SMPPServerSessionListener(port);
        listener.setMessageReceiverListener(new Receiver());
        threads.execute(this::acceptLoop);
    }

    static InProcessSmsc start() {
        return start(freePort());
    }

    static InProcessSmsc start(int port) {
        try {
            return new InProcessSmsc(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings that point a gateway at this SMSC. */
    NotificationsProperties.Smpp settings(NotificationsProperties.LongMessages longMessages) {
        return settingsFor(port, longMessages);
    }

    /** Settings of a sending-only account that asks for no receipts: one transmitter session. */
    static NotificationsProperties.Smpp settingsFor(int port, NotificationsProperties.LongMessages longMessages) {
        return new NotificationsProperties.Smpp("127.0.0.1", port, SYSTEM_ID, PASSWORD, "", "10690001",
                NotificationsProperties.Bind.TRANSMITTER, longMessages, java.time.Duration.ofSeconds(2),
                java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(30), false);
    }

    /** Settings of a transmitter-only account that asks for receipts: they come on a receiver session. */
    NotificationsProperties.Smpp transmitterWithReceipts(NotificationsProperties.LongMessages longMessages) {
        var s = settings(longMessages);
        return new NotificationsProperties.Smpp(s.host(), s.port(), s.systemId(), s.password(), s.systemType(),
                s.sourceAddress(), NotificationsProperties.Bind.TRANSMITTER, longMessages, s.connectTimeout(),
                s.responseTimeout(), s.enquireLinkInterval(), true);
    }

    /** Settings that bind to this SMSC as a transceiver, which asks for delivery receipts and receives them. */
    NotificationsProperties.Smpp transceiver(NotificationsProperties.LongMessages longMessages) {
        var s = settings(longMessages);
        return new NotificationsProperties.Smpp(s.host(), s.port(), s.systemId(), s.password(), s.systemType(),
                s.sourceAddress(), NotificationsProperties.Bind.TRANSCEIVER, longMessages, s.connectTimeout(),
                s.responseTimeout(), s.enquireLinkInterval(), true);
    }

    int port() {
        return port;
    }

    int binds() {
        return binds.get();
    }

    /** How each session still open was bound. */
    List<org.jsmpp.bean.BindType> bindTypes() {
        return sessions.stream().filter(boundAs::containsKey).map(boundAs::get).toList();
    }

    /** The number of the session bound as {@code type}, to send receipts on. */
    int sessionBoundAs(org.jsmpp.bean.BindType type) {
        for (int i = 0; i < sessions.size(); i++) {
            if (boundAs.get(sessions.get(i)) == type) {
                return i;
            }
        }
        throw new IllegalStateException("no session is bound as " + type);
    }

    /** Answers the next {@code count} submissions with {@code status} instead of taking them. */
    void refuseNext(int count, int status) {
        refusalStatus = status;
        refusals.set(count);
    }

    /** Takes this long to answer each submission (to make dispatchers overlap). */
    void answerAfter(long millis) {
        delayMillis = millis;
    }

    /**
     * Answers submissions with ids in upper-case hexadecimal (from a random start with a letter, so no other test
     * meets them), as some SMSCs do while writing the receipt's id in decimal.
     */
    void answerWithHexIds() {
        hexBase = 0xA0_0000_0000L + java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 36);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> receivedBy(String destination) {
        return received.stream().filter(r -> r.destination().equals(destination)).toList();
    }

    /** The whole texts sent to a number, concatenated parts put back together in order. */
    List<String> textsTo(String destination) {
        Map<Integer, List<Received>> messages = new LinkedHashMap<>();
        List<String> texts = new ArrayList<>();
        for (Received r : receivedBy(destination)) {
            int[] header = r.concatenation();
            if (header == null) {
                texts.add(r.text());
            } else {
                messages.computeIfAbsent(header[0], k -> new ArrayList<>()).add(r);
            }
        }
        for (var parts : messages.values()) {
            parts.sort(Comparator.comparingInt(p -> p.concatenation()[2]));
            texts.add(String.join("", parts.stream().map(Received::text).toList()));
        }
        return texts;
    }

    /**
     * Sends a delivery receipt for a part, back on the session it came on, the way most SMSCs write one: the
     * {@code id:… stat:…} text, and with {@code tlv} also the SMPP 3.4 parameters.
     */
    void sendReceipt(Received part, String state, boolean tlv) {
        sendReceipt(part.session(), part.destination(), part.messageId(), state, tlv);
    }

    /** Sends a receipt for any id (one yimen never sent) on a session. */
    void sendReceipt(int session, String from, String messageId, String state, boolean tlv) {
        String text = "id:" + messageId + " sub:001 dlvrd:" + (state.equals("DELIVRD") ? "001" : "000")
                + " submit date:2604011200 done date:2604011201 stat:" + state + " err:000 text:";
        OptionalParameter[] parameters = tlv ? new OptionalParameter[] {
            new OptionalParameter.Receipted_message_id(messageId),
            new OptionalParameter.Message_state((byte) (List.of("ENROUTE", "DELIVRD", "EXPIRED", "DELETED", "UNDELIV",
                    "ACCEPTD", "UNKNOWN", "REJECTD").indexOf(state) + 1))} : new OptionalParameter[0];
        try {
            sessions.get(session).deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, from,
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "10690001",
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO,
                    text.getBytes(StandardCharsets.US_ASCII), parameters);
        } catch (Exception e) {
            throw new IllegalStateException("the receipt could not be sent", e);
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SMPPServerSession session = listener.accept();
                sessions.add(session);
                threads.execute(() -> bind(session));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            var request = session.waitForBind(5_000);
            if (SYSTEM_ID.equals(request.getSystemId()) && PASSWORD.equals(request.getPassword())) {
                binds.incrementAndGet();
                boundAs.put(session, request.getBindType());
                request.accept("test-smsc");
            } else {
                request.reject(ESME_RINVPASWD);
            }
        } catch (Exception e) {
            session.unbindAndClose();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        sessions.forEach(SMPPServerSession::unbindAndClose);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession session)
                throws ProcessRequestException {
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (refusals.getAndUpdate(n -> Math.max(n - 1, 0)) > 0) {
                throw new ProcessRequestException("refused for the test", refusalStatus);
            }
            try {
                long base = hexBase;
                String id = base < 0 ? "smsc-" + ids.incrementAndGet()
                        : Long.toHexString(base + ids.incrementAndGet()).toUpperCase(java.util.Locale.ROOT);
                OptionalParameter payload = submit.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
                byte[] payloadBytes = payload instanceof OptionalParameter.OctetString octets ? octets.getValue()
                        : new byte[0];
                received.add(new Received(sessions.indexOf(session), submit.getSourceAddr(),
                        submit.getDestAddress(), submit.getDataCoding(),
                        AbstractSmCommand.isUdhi(submit.getEsmClass()),
                        submit.getShortMessage() == null ? new byte[0] : submit.getShortMessage(), payloadBytes, id,
                        submit.getRegisteredDelivery()));
                return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
            } catch (Exception e) {
                throw new ProcessRequestException(e.getMessage(), 0x08);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw unsupported();
        }

        private static ProcessRequestException unsupported() {
            return new ProcessRequestException("not supported by the test SMSC", 0x03);
        }
    }
}
