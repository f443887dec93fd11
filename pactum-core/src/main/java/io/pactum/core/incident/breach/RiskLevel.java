package io.pactum.core.incident.breach;

/**
 * How likely a breach is to harm the people concerned, in the terms of the GDPR. {@link #HIGH} is
 * the "high risk" of Art. 34(1): the data subjects must be told. {@link #LOW} is anything less: the
 * Art. 33 notification is still drafted, and the operator decides whether the breach is "unlikely
 * to result in a risk" and so need not be notified.
 */
public enum RiskLevel {
    LOW,
    HIGH
}
