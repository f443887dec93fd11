package io.pactum.core.translate;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The SenML fields Pactum understands, with their JSON names and CBOR labels (RFC 8428 Table 4). */
enum SenmlLabel {
    BVER("bver", -1),
    BN("bn", -2),
    BT("bt", -3),
    BU("bu", -4),
    BV("bv", -5),
    BS("bs", -6),
    N("n", 0),
    U("u", 1),
    V("v", 2),
    VS("vs", 3),
    VB("vb", 4),
    S("s", 5),
    T("t", 6),
    UT("ut", 7),
    VD("vd", 8);

    private static final Map<String, SenmlLabel> BY_JSON = new HashMap<>();
    private static final Map<String, SenmlLabel> BY_CBOR = new HashMap<>();

    static {
        for (SenmlLabel label : values()) {
            BY_JSON.put(label.json, label);
            // Jackson's CBOR parser reports integer map keys as their decimal text.
            BY_CBOR.put(Integer.toString(label.cbor), label);
        }
    }

    private final String json;
    private final int cbor;

    SenmlLabel(String json, int cbor) {
        this.json = json;
        this.cbor = cbor;
    }

    /** The name used in messages; the JSON one, which people know. */
    String json() {
        return json;
    }

    static @Nullable SenmlLabel of(String key, boolean cbor) {
        return cbor ? BY_CBOR.get(key) : BY_JSON.get(key);
    }
}
