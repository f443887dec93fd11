package io.pactum.core.sharing;

/** What a consent receipt records: consent given, or withdrawn. */
public enum ConsentAction {
    GIVEN,
    WITHDRAWN
}
