package io.pactum.core.incident;

/**
 * Names of the playbook actions the hub knows, as recorded on timelines and in audit details. The
 * service accepts other names of the same form too (lower case, digits and hyphens), for playbooks to come.
 */
public final class IncidentActions {
    public static final String QUARANTINE_DEVICE = "quarantine-device";
    public static final String SUSPEND_AGREEMENT = "suspend-agreement";
    public static final String SUSPEND_ORGANISATION = "suspend-organisation";
    public static final String REVOKE_CREDENTIAL = "revoke-credential";
    public static final String THROTTLE = "throttle";
    public static final String BLOCK_SOURCE = "block-source";
    public static final String NOTIFY = "notify";

    private IncidentActions() {}
}
