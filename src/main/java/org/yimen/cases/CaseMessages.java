package org.yimen.cases;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.yimen.notifications.Notifications;
import org.yimen.privacy.PersonalData;

/**
 * 三告知 by SMS: the applicant hears of acceptance with its promised date, of what to bring after a one-time notice, of
 * the arrival of materials supplemented online, of a refusal, a special procedure, an extension, the decision and a
 * termination. Each message is written to the outbox in the transaction of the change (the listeners run in it), so
 * a change rolled back sends nothing and a committed one is sent even if this node stops. A landline on the case
 * leaves a failed outbox row, never a refused change.
 */
@Component
class CaseMessages {

    static final String CATEGORY = "cases.progress";

    private final JdbcCases store;
    private final PersonalData personalData;
    private final Notifications notifications;

    CaseMessages(JdbcCases store, PersonalData personalData, Notifications notifications) {
        this.store = store;
        this.personalData = personalData;
        this.notifications = notifications;
    }

    @EventListener
    void on(ClockStarted e) {
        send(e.caseNumber(), "cases.sms.accepted", e.promisedDue().toString());
    }

    @EventListener
    void on(NoticeIssued e) {
        send(e.caseNumber(), e.channel() == Case.Channel.ONLINE ? "cases.sms.noticeOnline" : "cases.sms.notice",
                String.join("、", e.materials()));
    }

    /** A window hands over its own receipt; online the applicant hears that the upload arrived. */
    @EventListener
    void on(MaterialsSupplemented e) {
        if (e.via() == Case.Channel.ONLINE) {
            send(e.caseNumber(), "cases.sms.supplementedOnline", String.join("、", e.materials()));
        }
    }

    @EventListener
    void on(CaseRefused e) {
        send(e.caseNumber(), "cases.sms.refused");
    }

    @EventListener
    void on(ClockPaused e) {
        send(e.caseNumber(), "cases.sms.paused", e.expectedEnd().toString());
    }

    @EventListener
    void on(DeadlineExtended e) {
        send(e.caseNumber(), "cases.sms.extended", e.promisedDue().toString());
    }

    @EventListener
    void on(CaseDecided e) {
        send(e.caseNumber(), e.outcome() == Decision.Outcome.APPROVED ? "cases.sms.approved" : "cases.sms.disapproved",
                e.deliveryDue().toString());
    }

    @EventListener
    void on(CaseTerminated e) {
        send(e.caseNumber(), "cases.sms.terminated", String.join("、", e.missingMaterials()));
    }

    private void send(String caseNumber, String key, Object... args) {
        store.sealedPhoneByNumber(caseNumber).ifPresent(claim -> {
            Object[] all = new Object[args.length + 1];
            all[0] = caseNumber;
            System.arraycopy(args, 0, all, 1, args.length);
            notifications.sms(CATEGORY, personalData.open(claim.phoneSealed()), key, all);
        });
    }
}
