package io.silo.common.web;

/**
 * Patterns for Bean Validation on request fields, one definition for the whole API. Control characters
 * (NUL above all, which PostgreSQL cannot store) are refused with a 400 instead of failing deep down.
 */
public final class TextRules {

    /** One line of printable text. */
    public static final String SINGLE_LINE = "[^\\p{Cntrl}]*";
    public static final String SINGLE_LINE_MESSAGE = "must not contain control characters";

    /** An email address: something@domain.tld, no spaces or control characters. */
    public static final String EMAIL = "[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+";
    public static final String EMAIL_MESSAGE = "must be an email address";

    private TextRules() {
    }
}
