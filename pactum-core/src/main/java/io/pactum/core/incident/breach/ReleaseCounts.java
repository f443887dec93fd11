package io.pactum.core.incident.breach;

/**
 * How many records an assessment counted, and how many of them the hub cannot fully attribute.
 * The last five overlap: one record may lack both a device and a known category.
 *
 * @param total              records released to a recipient within the assessment's scope
 * @param withoutSubject     records that belong to no data subject (the device is linked to none)
 * @param erasedSubject      records whose subject's key was erased (crypto-shredded), so the subject cannot be named
 * @param unreadableSubject  records whose sealed subject id does not open: altered, or sealed for another detail
 * @param withoutDevice      records whose ledger entry predates the {@code deviceId} detail
 * @param unknownCategory    records with a field whose data category the hub cannot determine
 */
public record ReleaseCounts(long total, long withoutSubject, long erasedSubject, long unreadableSubject,
        long withoutDevice, long unknownCategory) {
    public ReleaseCounts {
        if (total < 0 || withoutSubject < 0 || erasedSubject < 0 || unreadableSubject < 0 || withoutDevice < 0
                || unknownCategory < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}
