package io.hounsfield.staff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code hounsfield.staff.*} settings.
 *
 * @param enforce check, when an exam starts, that the technologist is competent for its modality and that their
 *     licence and BLS/CPR card are in date; applies to everyone with a staff record
 * @param requireRecord also refuse technologists and students who have no staff record at all (switch on once every
 *     clinical user has one)
 * @param maxDocumentSize the largest scan of a card or certificate accepted
 */
@ConfigurationProperties("hounsfield.staff")
public record StaffProperties(@DefaultValue("true") boolean enforce, @DefaultValue("false") boolean requireRecord,
        @DefaultValue("10MB") DataSize maxDocumentSize) {}
