package org.yimen.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yimen.shared.IdentityDocument.Type;

class IdentityDocumentTest {

    @ParameterizedTest
    @ValueSource(strings = {"52010219900101123X", "11010519491231002X", "440304198506120027", "520102199001010018",
        "520102199001011002"})
    void residentIdCardsWithTheRightCheckCharacterAreAccepted(String number) {
        assertThat(IdentityDocument.residentIdCard(number).number()).isEqualTo(number);
    }

    @Test
    void checkCharacterFollowsIso7064Mod112() {
        assertThat(IdentityDocument.checkCharacter("52010219900101123")).isEqualTo('X');
        assertThat(IdentityDocument.checkCharacter("44030419850612002")).isEqualTo('7');
        assertThat(IdentityDocument.checkCharacter("52010219900101100")).isEqualTo('2');
    }

    @Test
    void aLowerCaseCheckLetterAndSpacesAreNormalised() {
        assertThat(IdentityDocument.residentIdCard(" 520102 19900101 123x ").number()).isEqualTo("52010219900101123X");
    }

    @ParameterizedTest
    @CsvSource({
        "520102199001011239, identity.documentNumber.idCard.checkCharacter",
        "440304198506120028, identity.documentNumber.idCard.checkCharacter",
        "520102199002301235, identity.documentNumber.birthDate",
        "520102199013011235, identity.documentNumber.birthDate",
        "520102170001011235, identity.documentNumber.birthDate",
        "52010219900101123, identity.documentNumber.idCard.format",
        "5201021990010112345, identity.documentNumber.idCard.format",
        "52010219900101123A, identity.documentNumber.idCard.format",
        "520102900101123, identity.documentNumber.idCard.fifteenDigits"})
    void wrongResidentIdCardsAreRefusedNamingTheField(String number, String code) {
        assertThatThrownBy(() -> IdentityDocument.residentIdCard(number))
                .asInstanceOf(type(Rejected.class))
                .satisfies(r -> {
                    assertThat(r.code()).isEqualTo(code);
                    assertThat(r.field()).isEqualTo("documentNumber");
                    assertThat(r.kind()).isEqualTo(Rejected.Kind.INVALID);
                });
    }

    @Test
    void aBirthDateOnTheTwentyNinthOfFebruaryNeedsALeapYear() {
        String leap = "52010220000229001";
        assertThat(IdentityDocument.residentIdCard(leap + IdentityDocument.checkCharacter(leap))).isNotNull();
        String notLeap = "52010219000229001";
        assertThatThrownBy(() -> IdentityDocument.residentIdCard(notLeap + IdentityDocument.checkCharacter(notLeap)))
                .isInstanceOf(Rejected.class).hasMessage("identity.documentNumber.birthDate");
    }

    @Test
    void otherDocumentsHaveTheirOwnFormats() {
        assertThat(new IdentityDocument(Type.HK_MACAO_TRAVEL_PERMIT, "h12345678").number()).isEqualTo("H12345678");
        assertThat(new IdentityDocument(Type.HK_MACAO_TRAVEL_PERMIT, "M1234567801").number()).isEqualTo("M1234567801");
        assertThat(new IdentityDocument(Type.TAIWAN_TRAVEL_PERMIT, "12345678").number()).isEqualTo("12345678");
        assertThat(new IdentityDocument(Type.PASSPORT, "EA1234567").number()).isEqualTo("EA1234567");
        assertThat(new IdentityDocument(Type.FOREIGN_PERMANENT_RESIDENT_ID, "USA110078052701").number())
                .isEqualTo("USA110078052701");
        assertThat(new IdentityDocument(Type.FOREIGN_PERMANENT_RESIDENT_ID, "911012199001010019").number())
                .isEqualTo("911012199001010019");

        assertRefused(Type.HK_MACAO_TRAVEL_PERMIT, "A12345678", "identity.documentNumber.hkMacaoPermit");
        assertRefused(Type.TAIWAN_TRAVEL_PERMIT, "1234567", "identity.documentNumber.taiwanPermit");
        assertRefused(Type.PASSPORT, "E12", "identity.documentNumber.passport");
        assertRefused(Type.PASSPORT, "E1234-567", "identity.documentNumber.passport");
        assertRefused(Type.FOREIGN_PERMANENT_RESIDENT_ID, "911012199001010018",
                "identity.documentNumber.foreignPermanentResident.checkCharacter");
        assertRefused(Type.FOREIGN_PERMANENT_RESIDENT_ID, "52010219900101123X",
                "identity.documentNumber.foreignPermanentResident");
        assertRefused(Type.PASSPORT, "  ", "identity.documentNumber.required");
    }

    @Test
    void toStringNeverShowsTheFullNumber() {
        var document = IdentityDocument.residentIdCard("52010219900101123X");
        assertThat(document.toString()).contains("520***********123X").doesNotContain("52010219900101123X");
        assertThat(document.masked()).isEqualTo("520***********123X");
    }

    private static void assertRefused(Type type, String number, String code) {
        assertThatThrownBy(() -> new IdentityDocument(type, number))
                .isInstanceOf(Rejected.class).hasMessage(code);
    }
}
