/**
 * The equipment QC program (ACR 2017 CT QC Manual, ACR 2015 MRI QC Manual, AAPM TG-151): tests, versioned
 * tolerances, results, and the automatic CT water-phantom analysis. A feature of its own beside {@code equipment}
 * (not inside it): it consumes the archive's events, and the archive already uses {@code equipment}'s peer registry,
 * so inside {@code equipment} it would close a cycle. The board asks {@link io.hounsfield.equipment.OverdueQc}.
 */
package io.hounsfield.qc;
