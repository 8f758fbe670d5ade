package org.yimen.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The document a citizen identifies themselves with (身份证件): its type and number, checked as far as the number
 * itself allows. The number is normalised (spaces removed, letters upper-case, so a check letter {@code x} becomes
 * {@code X}); a number that cannot be right is refused with {@code Rejected.invalid("documentNumber", …)}.
 *
 * <p>The old 15-digit 居民身份证 is refused, not converted: first-generation cards stopped being valid on 1 January
 * 2013, and a converted number would claim a check digit nobody ever printed on a card. The citizen is asked for the
 * 18-digit number instead.
 *
 * <p>{@link #toString()} is masked, so a document that slips into a log line or message shows no full number.
 */
public record IdentityDocument(Type type, String number) {

    /** The kinds of document a hall accepts. */
    public enum Type {
        /** 居民身份证: 18 characters, GB 11643-1999 (ISO 7064 MOD 11-2 check character). */
        RESIDENT_ID_CARD,
        /** 港澳居民来往内地通行证 (回乡证): H or M, eight digits, optionally two digits counting renewals. */
        HK_MACAO_TRAVEL_PERMIT,
        /** 台湾居民来往大陆通行证 (台胞证): eight digits (card since 2015) or ten (older booklet). */
        TAIWAN_TRAVEL_PERMIT,
        /** 护照: any country's passport, 5 to 17 letters and digits. */
        PASSPORT,
        /**
         * 外国人永久居留身份证: the 2017 card (three-letter nationality code and twelve digits) or the 2023 card (18
         * characters starting with 9, with the same check character as 居民身份证).
         */
        FOREIGN_PERMANENT_RESIDENT_ID
    }

    static final String FIELD = "documentNumber";

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1850, 1, 1);

    private static final Pattern EIGHTEEN = Pattern.compile("[0-9]{17}[0-9X]");
    private static final Pattern FIFTEEN_DIGITS = Pattern.compile("[0-9]{15}");
    private static final Pattern HK_MACAO = Pattern.compile("[HM][0-9]{8}([0-9]{2})?");
    private static final Pattern TAIWAN = Pattern.compile("[0-9]{8}|[0-9]{10}");
    private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,17}");
    private static final Pattern FOREIGN_2017 = Pattern.compile("[A-Z]{3}[0-9]{12}");

    public IdentityDocument {
        if (type == null) {
            throw Rejected.invalid("documentType", "identity.documentType.required");
        }
        number = normalise(number);
        if (number.isEmpty()) {
            throw Rejected.invalid(FIELD, "identity.documentNumber.required");
        }
        switch (type) {
            case RESIDENT_ID_CARD -> checkResidentId(number);
            case HK_MACAO_TRAVEL_PERMIT -> require(HK_MACAO, number, "identity.documentNumber.hkMacaoPermit");
            case TAIWAN_TRAVEL_PERMIT -> require(TAIWAN, number, "identity.documentNumber.taiwanPermit");
            case PASSPORT -> require(PASSPORT, number, "identity.documentNumber.passport");
            case FOREIGN_PERMANENT_RESIDENT_ID -> checkForeignPermanentResident(number);
        }
    }

    /** A 居民身份证, the common case. */
    public static IdentityDocument residentIdCard(String number) {
        return new IdentityDocument(Type.RESIDENT_ID_CARD, number);
    }

    /** Removes spaces and upper-cases letters, so that a number keyed in several ways is stored and found as one. */
    public static String normalise(@Nullable String number) {
        if (number == null) {
            return "";
        }
        // By hand rather than with a regular expression: every look-up index of a phone or ID number passes here.
        var normalised = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (!Character.isWhitespace(c)) {
                normalised.append(c);
            }
        }
        return normalised.toString().toUpperCase(Locale.ROOT);
    }

    /** The ISO 7064 MOD 11-2 check character of the first 17 digits of an 18-character number. */
    public static char checkCharacter(String first17Digits) {
        if (first17Digits.length() != 17 || !first17Digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("17 digits expected");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** The number as it may be shown: {@code 520***********1234}. */
    public String masked() {
        return Masking.idNumber(number);
    }

    @Override
    public String toString() {
        return "IdentityDocument[" + type + " " + masked() + "]";
    }

    private static void checkResidentId(String number) {
        if (FIFTEEN_DIGITS.matcher(number).matches()) {
            throw Rejected.invalid(FIELD, "identity.documentNumber.idCard.fifteenDigits");
        }
        if (!EIGHTEEN.matcher(number).matches()) {
            throw Rejected.invalid(FIELD, "identity.documentNumber.idCard.format");
        }
        checkBirthDate(number);
        checkCheckCharacter(number, "identity.documentNumber.idCard.checkCharacter");
    }

    private static void checkForeignPermanentResident(String number) {
        if (FOREIGN_2017.matcher(number).matches()) {
            return;
        }
        if (!EIGHTEEN.matcher(number).matches() || number.charAt(0) != '9') {
            throw Rejected.invalid(FIELD, "identity.documentNumber.foreignPermanentResident");
        }
        checkBirthDate(number);
        checkCheckCharacter(number, "identity.documentNumber.foreignPermanentResident.checkCharacter");
    }

    /** Characters 7 to 14 are the holder's birth date (YYYYMMDD); it must be a real day. */
    private static void checkBirthDate(String number) {
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14)));
            if (birth.isBefore(EARLIEST_BIRTH)) {
                throw Rejected.invalid(FIELD, "identity.documentNumber.birthDate");
            }
        } catch (DateTimeException e) {
            throw Rejected.invalid(FIELD, "identity.documentNumber.birthDate");
        }
    }

    private static void checkCheckCharacter(String number, String code) {
        if (checkCharacter(number.substring(0, 17)) != number.charAt(17)) {
            throw Rejected.invalid(FIELD, code);
        }
    }

    private static void require(Pattern pattern, String number, String code) {
        if (!pattern.matcher(number).matches()) {
            throw Rejected.invalid(FIELD, code);
        }
    }
}
