package io.pactum.http.routes;

import io.pactum.core.access.AccessPolicy;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.ledger.Ledger;
import io.pactum.core.ledger.LedgerCheckpoints;
import io.pactum.core.ledger.StoredCheckpoint;
import io.pactum.core.ledger.StoredEntry;
import io.pactum.core.ledger.proof.LedgerProofs;
import io.pactum.core.ledger.proof.ProofJson;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.Principal;
import io.pactum.http.ApiRouter;
import io.pactum.http.LedgerServices;
import io.pactum.http.support.AuthHandler;
import io.pactum.http.support.Replies;
import io.pactum.http.views.LedgerCheckpointView;
import io.pactum.http.views.LedgerCheckpointsView;
import io.pactum.http.views.LedgerEntriesView;
import io.pactum.http.views.LedgerEntryView;
import io.pactum.http.views.LedgerHeadView;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The audit ledger, for the operator: its tree head, its entries with their canonical bytes, its
 * signed checkpoints (and signing one now), and inclusion and consistency proofs in the JSON form
 * {@code pactum audit verify} reads. Reading needs the read scope, signing a checkpoint the write
 * scope; every other role is refused. Proof sizes default to the latest checkpoint's, the size a
 * verifier holds a signature for.
 */
public final class LedgerRoutes {
    static final String PATH = ApiRouter.API_PREFIX + "/ledger";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final Ledger ledger;
    private final LedgerCheckpoints checkpoints;
    private final Replies replies;

    public LedgerRoutes(LedgerServices services, Replies replies) {
        Objects.requireNonNull(services, "services");
        this.ledger = services.ledger();
        this.checkpoints = services.checkpoints();
        this.replies = Objects.requireNonNull(replies, "replies");
    }

    public void mount(Router router) {
        router.get(PATH).handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            replies.ok(ctx, () -> {
                requireReader(caller, "read the audit ledger");
                return LedgerHeadView.of(checkpoints.origin(), ledger.head(), checkpoints.verifierKey().encoded(),
                        checkpoints.latest());
            });
        });
        router.get(PATH + "/entries").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            replies.ok(ctx, () -> {
                requireReader(caller, "read the audit ledger");
                long from = position(ctx, "from", 0);
                int limit = limit(ctx);
                List<StoredEntry> page = ledger.store().read(from, limit);
                long after = from + page.size();
                Long next = page.size() == limit && after < ledger.size() ? after : null;
                return new LedgerEntriesView(page.stream().map(LedgerEntryView::of).toList(), next);
            });
        });
        router.get(PATH + "/checkpoints").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            replies.ok(ctx, () -> {
                requireReader(caller, "read the audit ledger");
                long from = position(ctx, "from", 0);
                int limit = limit(ctx);
                // one more than asked for tells whether there is a next page
                List<StoredCheckpoint> page = ledger.store().checkpoints(from, limit + 1);
                Long next = page.size() > limit ? from + limit : null;
                return new LedgerCheckpointsView(page.stream().limit(limit).map(LedgerCheckpointView::of).toList(),
                        next);
            });
        });
        router.post(PATH + "/checkpoints").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            replies.ok(ctx, 201, () -> {
                AccessPolicy.requireOperator(caller, Scope.WRITE, "sign ledger checkpoints");
                return LedgerCheckpointView.of(checkpoints.checkpoint());
            });
        });
        router.get(PATH + "/proofs/inclusion").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            replies.okJsonText(ctx, () -> {
                requireReader(caller, "read ledger proofs");
                long index = required(ctx, "index", 0);
                long treeSize = treeSize(ctx, "treeSize");
                return ProofJson.write(LedgerProofs.inclusion(ledger, checkpoints.origin(), index, treeSize));
            });
        });
        router.get(PATH + "/proofs/consistency").handler(ctx -> {
            Principal caller = AuthHandler.principal(ctx);
            replies.okJsonText(ctx, () -> {
                requireReader(caller, "read ledger proofs");
                long from = required(ctx, "from", 1);
                long to = treeSize(ctx, "to");
                try {
                    return ProofJson.write(LedgerProofs.consistency(ledger, checkpoints.origin(), from, to));
                } catch (InvalidInputException e) {
                    // The proof names its sizes fromSize and toSize; the caller sent them as from and to.
                    String field = e.field().map(f -> f.equals("fromSize") ? "from" : f.equals("toSize") ? "to" : f)
                            .orElse(null);
                    throw new InvalidInputException(field, e.getMessage());
                }
            });
        });
    }

    private static void requireReader(Principal caller, String action) {
        AccessPolicy.requireOperator(caller, Scope.READ, action);
    }

    /** A tree size from the query, or the latest checkpoint's when absent. */
    private long treeSize(RoutingContext ctx, String name) {
        @Nullable String raw = ctx.queryParams().get(name);
        if (raw != null) {
            return parse(name, raw, 0);
        }
        return checkpoints.latest().map(StoredCheckpoint::size).orElseThrow(() -> new InvalidInputException(name,
                "the ledger has no checkpoint yet; give " + name + " or sign a checkpoint first"));
    }

    private static long position(RoutingContext ctx, String name, long absent) {
        @Nullable String raw = ctx.queryParams().get(name);
        return raw == null ? absent : parse(name, raw, 0);
    }

    private static long required(RoutingContext ctx, String name, long min) {
        @Nullable String raw = ctx.queryParams().get(name);
        if (raw == null) {
            throw new InvalidInputException(name, name + " is required");
        }
        return parse(name, raw, min);
    }

    private static long parse(String name, String raw, long min) {
        try {
            long value = Long.parseLong(raw);
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidInputException(name, name + " must be an integer, " + min + " or more");
    }

    private static int limit(RoutingContext ctx) {
        @Nullable String raw = ctx.queryParams().get("limit");
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidInputException("limit", "limit must be an integer from 1 to " + MAX_LIMIT);
    }
}
