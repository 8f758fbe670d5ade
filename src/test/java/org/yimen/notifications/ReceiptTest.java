package org.yimen.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceiptTest {

    static final String TEXT = "id:0123456789 sub:001 dlvrd:000 submit date:2604011200 done date:2604011805"
            + " stat:EXPIRED err:027 text:您的验证码";

    @Test
    void theIdAndStateAreReadFromTheReceiptText() {
        assertThat(Receipt.of(null, null, TEXT)).contains(new Receipt("0123456789", "EXPIRED"));
    }

    @Test
    void theSmpp34ParametersWinOverTheText() {
        assertThat(Receipt.of("a1b2c3", "DELIVRD", TEXT)).contains(new Receipt("a1b2c3", "DELIVRD"));
    }

    @Test
    void aReceiptWithoutIdOrStateCannotBeRead() {
        assertThat(Receipt.of(null, null, "stat:DELIVRD")).isEmpty();
        assertThat(Receipt.of(null, null, "id:42 done date:2604011805")).isEmpty();
    }

    @Test
    void onlyFinalStatesSayWhetherTheHandsetGotIt() {
        assertThat(new Receipt("1", "DELIVRD").outcome()).isEqualTo(Delivery.DELIVERED);
        for (String failed : new String[] {"UNDELIV", "EXPIRED", "REJECTD", "DELETED"}) {
            assertThat(new Receipt("1", failed).outcome()).as(failed).isEqualTo(Delivery.UNDELIVERED);
        }
        for (String open : new String[] {"ENROUTE", "ACCEPTD", "UNKNOWN"}) {
            assertThat(new Receipt("1", open).outcome()).as(open).isNull();
        }
    }
}
