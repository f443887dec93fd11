package io.pactum.core.evidence;

import io.pactum.core.evidence.RecordOfProcessing.Controller;
import io.pactum.core.evidence.RecordOfProcessing.ErasureTimeLimit;
import io.pactum.core.evidence.RecordOfProcessing.ProcessingPurpose;
import io.pactum.core.evidence.RecordOfProcessing.RecipientCategory;
import io.pactum.core.registry.DataCategory;
import io.pactum.core.registry.FieldSpec;
import io.pactum.core.registry.Organisation;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.Product;
import io.pactum.core.sharing.Agreement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Derives the {@link RecordOfProcessing} from the registry and the agreements in force: what the hub
 * does with personal data is what its agreements release, about the people its devices are linked to.
 */
public final class RecordOfProcessingDerivation {
    private RecordOfProcessingDerivation() {}

    /** What the derivation reads; {@code productsOfGroup} gives the products of a device group's members. */
    public record Facts(
            List<Organisation> organisations,
            List<Product> products,
            Set<String> productsWithSubjectLinkedDevices,
            Function<String, Set<String>> productsOfGroup) {
        public Facts {
            organisations = List.copyOf(organisations);
            products = List.copyOf(products);
            productsWithSubjectLinkedDevices = Set.copyOf(productsWithSubjectLinkedDevices);
            Objects.requireNonNull(productsOfGroup, "productsOfGroup");
        }
    }

    public static RecordOfProcessing derive(EvidencePeriod period, @Nullable String contactPoint, Facts facts,
            List<Agreement> inForce) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(facts, "facts");
        Map<String, Product> products = new LinkedHashMap<>();
        facts.products().forEach(p -> products.put(p.id(), p));
        Map<String, Organisation> organisations = new LinkedHashMap<>();
        facts.organisations().forEach(o -> organisations.put(o.id(), o));

        Set<DataCategory> released = EnumSet.noneOf(DataCategory.class);
        Set<String> processed = new LinkedHashSet<>(facts.productsWithSubjectLinkedDevices());
        for (Agreement agreement : inForce) {
            Set<String> scope = scope(agreement, facts);
            processed.addAll(scope);
            for (String productId : scope) {
                Product product = products.get(productId);
                if (product != null) {
                    released.addAll(releasedCategories(agreement, product));
                }
            }
        }
        return new RecordOfProcessing(period, controller(facts.organisations(), contactPoint), purposes(inForce),
                subjectCategories(facts, products, organisations), wireNames(released, true), wireNames(released, false),
                recipients(inForce, organisations), RecordOfProcessing.NO_TRANSFERS,
                erasureLimits(products, processed), RecordOfProcessing.SECURITY_MEASURES);
    }

    private static Controller controller(List<Organisation> organisations, @Nullable String contactPoint) {
        String contact = contactPoint == null || contactPoint.isBlank() ? RecordOfProcessing.NOT_CONFIGURED
                : contactPoint.strip();
        Optional<Organisation> operator = organisations.stream()
                .filter(o -> o.role() == OrganisationRole.OPERATOR).findFirst();
        return operator.map(o -> new Controller(o.id(), o.name(), contact))
                .orElseGet(() -> new Controller("", RecordOfProcessing.NOT_CONFIGURED, contact));
    }

    private static Set<String> scope(Agreement agreement, Facts facts) {
        Set<String> scope = new TreeSet<>(agreement.productIds());
        for (String groupId : agreement.deviceGroupIds()) {
            scope.addAll(facts.productsOfGroup().apply(groupId));
        }
        return scope;
    }

    private static Set<DataCategory> releasedCategories(Agreement agreement, Product product) {
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        for (FieldSpec field : product.dataModel().fields()) {
            if (agreement.releasedTransform(field.name()) != null) {
                categories.add(field.category());
            }
        }
        return categories;
    }

    private static List<ProcessingPurpose> purposes(List<Agreement> inForce) {
        Map<String, List<Agreement>> byPurposeAndBasis = new TreeMap<>();
        for (Agreement agreement : inForce) {
            String key = agreement.purpose().wireName() + "\u0000" + agreement.legalBasis().wireName();
            byPurposeAndBasis.computeIfAbsent(key, k -> new ArrayList<>()).add(agreement);
        }
        List<ProcessingPurpose> purposes = new ArrayList<>();
        for (List<Agreement> same : byPurposeAndBasis.values()) {
            Agreement first = same.get(0);
            purposes.add(new ProcessingPurpose(first.purpose().wireName(), first.purpose().dpvConcept(),
                    first.legalBasis().wireName(), same.stream().map(Agreement::id).sorted().toList()));
        }
        return purposes;
    }

    private static List<String> subjectCategories(Facts facts, Map<String, Product> products,
            Map<String, Organisation> organisations) {
        List<String> categories = new ArrayList<>();
        for (Product product : products.values()) {
            if (facts.productsWithSubjectLinkedDevices().contains(product.id())) {
                Organisation supplier = organisations.get(product.supplierId());
                categories.add("users of devices of product " + describe(product)
                        + (supplier != null ? " supplied by " + supplier.name() : ""));
            }
        }
        return categories;
    }

    private static List<String> wireNames(Set<DataCategory> categories, boolean personal) {
        return categories.stream().filter(c -> c.isPersonal() == personal)
                .map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    }

    private static List<RecipientCategory> recipients(List<Agreement> inForce, Map<String, Organisation> organisations) {
        Map<String, Set<String>> purposesByRecipient = new TreeMap<>();
        for (Agreement agreement : inForce) {
            purposesByRecipient.computeIfAbsent(agreement.recipientId(), k -> new TreeSet<>())
                    .add(agreement.purpose().wireName());
        }
        List<RecipientCategory> recipients = new ArrayList<>();
        purposesByRecipient.forEach((id, purposes) -> {
            Organisation recipient = organisations.get(id);
            recipients.add(new RecipientCategory(id, recipient != null ? recipient.name() : "unknown organisation",
                    recipient != null ? recipient.role().name().toLowerCase(Locale.ROOT) : "unknown",
                    List.copyOf(purposes)));
        });
        return recipients;
    }

    private static List<ErasureTimeLimit> erasureLimits(Map<String, Product> products, Set<String> processed) {
        List<ErasureTimeLimit> limits = new ArrayList<>();
        for (Product product : products.values()) {
            if (processed.contains(product.id())) {
                limits.add(new ErasureTimeLimit(product.id(), describe(product),
                        product.ingestPolicy().retentionDays()));
            }
        }
        return limits;
    }

    private static String describe(Product product) {
        return product.model() + " (firmware " + product.firmwareVersion() + ")";
    }
}
