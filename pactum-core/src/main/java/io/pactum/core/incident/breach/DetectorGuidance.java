package io.pactum.core.incident.breach;

import java.util.List;
import java.util.Map;

/**
 * What a detector's incident means for a breach notification: the kind of breach, its likely
 * consequence, and the measures to propose. Keyed by the detector name an incident carries (the
 * built-in behaviours' names); an unknown detector gets general guidance.
 *
 * @param nature      what happened, in a phrase that completes "The hub detected ..."
 * @param consequence what it may mean for the people whose data it is
 * @param proposed    measures to propose beyond those already taken
 */
record DetectorGuidance(String nature, String consequence, List<String> proposed) {
    private static final String TELL_RECIPIENTS = "Tell the recipients named in this assessment which of the"
            + " records they received in the window are affected, and ask them to confirm what they did with them.";
    private static final String REVIEW_AGREEMENTS = "Review the agreements under which the data was released.";

    private static final DetectorGuidance COMPROMISED_DEVICE = new DetectorGuidance(
            "signs that a device's credentials are used by someone other than the device (a clone, forged or"
                    + " replayed messages)",
            "Data sent in the device's name may have been forged, so recipients may have acted on false readings;"
                    + " whoever holds the credentials may also receive what the device receives.",
            List.of("Revoke the device's credentials and provision new ones.",
                    "Quarantine the device until its credentials are replaced.", TELL_RECIPIENTS));

    private static final Map<String, DetectorGuidance> BY_DETECTOR = Map.of(
            "partner-exfiltration", new DetectorGuidance(
                    "a recipient organisation requesting data beyond its agreements (possible exfiltration)",
                    "Data may be in the hands of an organisation, or of whoever controls its credentials, for"
                            + " purposes the people concerned did not agree to.",
                    List.of("Suspend the organisation's agreements until it has explained the requests.",
                            "Revoke the organisation's API credentials and issue new ones.",
                            "Ask the organisation to delete data obtained outside its agreements and to confirm"
                                    + " the deletion in writing.", REVIEW_AGREEMENTS)),
            "credential-stuffing", new DetectorGuidance(
                    "a burst of failed logins, a sign of password guessing against devices or API clients",
                    "If a guess succeeded, someone may have read or sent data in a device's or client's name.",
                    List.of("Revoke and replace the credentials of the devices and clients targeted.",
                            "Block the sources of the attempts.", TELL_RECIPIENTS)),
            "shared-credentials", COMPROMISED_DEVICE,
            "integrity-failure-burst", COMPROMISED_DEVICE,
            "replay", COMPROMISED_DEVICE,
            "topic-scanning", new DetectorGuidance(
                    "a client probing for topics it is not allowed to read or write",
                    "If a probe succeeded, someone may have read data not meant for them.",
                    List.of("Revoke the probing client's credentials.",
                            "Check the topic permissions of the client's organisation.", REVIEW_AGREEMENTS)),
            "connection-flood", availability("a flood of connections"),
            "message-flood", availability("a flood of messages"),
            "out-of-profile-value", new DetectorGuidance(
                    "values far outside a device's usual range (a faulty or manipulated device)",
                    "Recipients may have acted on false readings about the people concerned.",
                    List.of("Check the device and, if it was manipulated, replace its credentials.",
                            TELL_RECIPIENTS)));

    private static final DetectorGuidance GENERAL = new DetectorGuidance(
            "a security incident affecting devices, organisations or data subjects of the hub",
            "Data may have reached people who should not have it, or been altered.",
            List.of(TELL_RECIPIENTS, REVIEW_AGREEMENTS));

    static DetectorGuidance of(String detector) {
        return BY_DETECTOR.getOrDefault(detector, GENERAL);
    }

    private static DetectorGuidance availability(String what) {
        return new DetectorGuidance(what + " against the hub (an availability incident)",
                "Data may have been delayed or lost, so recipients may have missed readings they rely on.",
                List.of("Throttle or block the sources of the flood.", TELL_RECIPIENTS));
    }
}
