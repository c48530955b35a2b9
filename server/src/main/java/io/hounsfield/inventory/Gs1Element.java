package io.hounsfield.inventory;

import java.time.LocalDate;

/**
 * What a GS1 barcode on a trade item says (GS1 General Specifications, §3 "GS1 Application Identifier
 * definitions"): any element the scan did not carry is null.
 *
 * @param gtin   AI (01), the GTIN-14 with a valid check digit
 * @param lot    AI (10), batch or lot number
 * @param expiry AI (17), expiration date (a day 00 read as the month's last day)
 * @param serial AI (21), serial number
 */
public record Gs1Element(String gtin, String lot, LocalDate expiry, String serial) {
}
