package io.hounsfield.patient;

/**
 * Alias given names for unidentified patients: the ICAO spelling alphabet, then again with a number
 * (ALPHA, BRAVO, ... ZULU, ALPHA2, ...), so that no two patients in the department share one
 * (DOMAIN.md SAF-41).
 */
final class TraumaAlias {

    private static final String[] WORDS = {
        "ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO", "FOXTROT", "GOLF", "HOTEL", "INDIA", "JULIETT", "KILO",
        "LIMA", "MIKE", "NOVEMBER", "OSCAR", "PAPA", "QUEBEC", "ROMEO", "SIERRA", "TANGO", "UNIFORM", "VICTOR",
        "WHISKEY", "XRAY", "YANKEE", "ZULU"
    };

    private TraumaAlias() {}

    /** @param number 1 for the first temporary patient ever registered */
    static String forNumber(long number) {
        long index = number - 1;
        String word = WORDS[(int) (index % WORDS.length)];
        long round = index / WORDS.length;
        return round == 0 ? word : word + (round + 1);
    }
}
