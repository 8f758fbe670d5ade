package org.yimen.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.yimen.notifications.SendAgainPolicy.Refused;
import org.yimen.notifications.SendAgainPolicy.Release;
import org.yimen.notifications.SendAgainPolicy.Resend;

class SendAgainPolicyTest {

    @Test
    void aHeldMessageIsReleasedItself() {
        assertThat(SendAgainPolicy.decide(DeliveryStatus.HELD, null, false, true, null)).isInstanceOf(Release.class);
    }

    @Test
    void aFailedOrUndeliveredMessageIsSentAgainAsANewOne() {
        assertThat(SendAgainPolicy.decide(DeliveryStatus.FAILED, null, false, true, null)).isInstanceOf(Resend.class);
        assertThat(SendAgainPolicy.decide(DeliveryStatus.SENT, Delivery.UNDELIVERED, false, true, null))
                .isInstanceOf(Resend.class);
    }

    @Test
    void aMessageIsSentAgainOnlyOnce() {
        assertThat(SendAgainPolicy.decide(DeliveryStatus.SENT, Delivery.UNDELIVERED, false, true, 42L))
                .isInstanceOfSatisfying(Refused.class, refused -> {
                    assertThat(refused.code()).isEqualTo("notifications.resend.already");
                    assertThat(refused.arguments()).containsExactly(42L);
                });
    }

    @Test
    void aMessageThatArrivedOrMayStillArriveIsNotSentAgain() {
        assertThat(SendAgainPolicy.decide(DeliveryStatus.SENT, Delivery.DELIVERED, false, true, null))
                .extracting(SendAgainPolicyTest::refusal).isEqualTo("notifications.resend.delivered");
        assertThat(SendAgainPolicy.decide(DeliveryStatus.PENDING, null, false, true, null))
                .extracting(SendAgainPolicyTest::refusal).isEqualTo("notifications.resend.pending");
        assertThat(SendAgainPolicy.decide(DeliveryStatus.SENT, null, false, true, null))
                .extracting(SendAgainPolicyTest::refusal).isEqualTo("notifications.resend.notReported");
    }

    @Test
    void verificationCodesAreNeverSentAgainOnceTried() {
        assertThat(SendAgainPolicy.decide(DeliveryStatus.SENT, Delivery.UNDELIVERED, true, false, null))
                .extracting(SendAgainPolicyTest::refusal).isEqualTo("notifications.resend.secret");
        assertThat(SendAgainPolicy.decide(DeliveryStatus.FAILED, null, true, false, null))
                .extracting(SendAgainPolicyTest::refusal).isEqualTo("notifications.resend.secret");
    }

    @Test
    void aMessageWhoseTextIsGoneCannotBeSentAgain() {
        assertThat(SendAgainPolicy.decide(DeliveryStatus.FAILED, null, false, false, null))
                .extracting(SendAgainPolicyTest::refusal).isEqualTo("notifications.resend.textGone");
        assertThat(SendAgainPolicy.decide(DeliveryStatus.HELD, null, true, false, null))
                .extracting(SendAgainPolicyTest::refusal).isEqualTo("notifications.resend.textGone");
    }

    /** The bundle key of a refusal; null when the message is sent again. */
    private static @Nullable String refusal(SendAgainPolicy.Decision decision) {
        return decision instanceof Refused refused ? refused.code() : null;
    }
}
