package io.pactum.core.incident.breach;

import io.pactum.core.registry.DataCategory;
import java.util.Locale;
import java.util.Set;

/** What each data category means for the people whose data it is, when it reaches someone it should not. */
final class SensitiveCategories {
    /** Categories whose disclosure alone makes a breach high risk (see {@link #whySensitive}). */
    static final Set<DataCategory> HIGH_RISK = Set.of(DataCategory.HEALTH, DataCategory.LOCATION,
            DataCategory.AUDIO_VISUAL);

    private SensitiveCategories() {}

    static String whySensitive(DataCategory category) {
        return switch (category) {
            case HEALTH -> "health data is a special category of personal data (GDPR Art. 9)";
            case LOCATION -> "location data shows where people live and go";
            case AUDIO_VISUAL -> "audio and images can show people, their homes and their conversations";
            case IDENTIFIER, BEHAVIOURAL, TECHNICAL -> wireName(category) + " data is not sensitive by itself";
        };
    }

    /** The likely consequence for the people concerned, in plain language; empty for technical data. */
    static String consequence(DataCategory category) {
        return switch (category) {
            case HEALTH -> "Others may learn about people's health, which can lead to discrimination, distress"
                    + " or embarrassment; if readings were altered, care decisions may rest on false values.";
            case LOCATION -> "Others may learn where people live and where they go, which can expose them to"
                    + " stalking, burglary or physical harm.";
            case AUDIO_VISUAL -> "Others may see or hear people in their private lives.";
            case IDENTIFIER -> "Records may be linked to the people they are about, which helps identity fraud"
                    + " and profiling.";
            case BEHAVIOURAL -> "Others may learn people's habits and routines, for example when a home is empty.";
            case TECHNICAL -> "";
        };
    }

    static String wireName(DataCategory category) {
        return lower(category);
    }

    /** An enum value as the hub's documents write it. */
    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
