package io.pactum.server.demo;

/**
 * The three suppliers' products in the demo, each speaking its own format: what the supplier
 * registers (model, payload format, whether messages must be COSE-protected, data model) and how
 * its devices are named.
 */
public enum DeviceKind {
    GLUCOSE_MONITOR("glucose", "glucose monitors", "Medisense Devices", "GlucoSense CGM", "senml_cbor", true, """
            {"fields":[
              {"name":"glucose","type":"number","unit":"mmol/L","min":1,"max":30,"category":"health"},
              {"name":"battery","type":"number","unit":"%","min":0,"max":100,"category":"technical"}]}"""),
    THERMOSTAT("thermostat", "thermostats", "Thermia Home", "Thermia Smart Thermostat", "json", false, """
            {"fields":[
              {"name":"temperature","type":"number","unit":"Cel","min":-20,"max":50,"category":"technical"},
              {"name":"setpoint","type":"number","unit":"Cel","min":5,"max":30,"category":"behavioural"},
              {"name":"humidity","type":"number","unit":"%RH","min":0,"max":100,"category":"technical"},
              {"name":"heating","type":"boolean","category":"technical"},
              {"name":"wifi_ssid","type":"string","category":"identifier"}]}"""),
    TOY("toy", "toys", "Playful Things", "TeddyTalk", "senml_json", false, """
            {"fields":[
              {"name":"play_minutes","type":"number","unit":"min","min":0,"max":600,"category":"behavioural"},
              {"name":"microphone_event","type":"string","category":"audio_visual"},
              {"name":"battery","type":"number","unit":"%","min":0,"max":100,"category":"technical"}]}""");

    private final String idPrefix;
    private final String plural;
    private final String supplier;
    private final String model;
    private final String payloadFormat;
    private final boolean protectionRequired;
    private final String dataModel;

    DeviceKind(String idPrefix, String plural, String supplier, String model, String payloadFormat,
            boolean protectionRequired, String dataModel) {
        this.idPrefix = idPrefix;
        this.plural = plural;
        this.supplier = supplier;
        this.model = model;
        this.payloadFormat = payloadFormat;
        this.protectionRequired = protectionRequired;
        this.dataModel = dataModel;
    }

    /** Device {@code n} (from 1) of this kind, e.g. {@code glucose-0001}. */
    public String deviceId(int n) {
        return String.format("%s-%04d", idPrefix, n);
    }

    /** Whether the device id is one of this kind's. */
    public boolean named(String deviceId) {
        return deviceId.startsWith(idPrefix + "-");
    }

    public String plural() {
        return plural;
    }

    public String supplier() {
        return supplier;
    }

    public String model() {
        return model;
    }

    /** {@code POST /api/v1/products} as the supplier sends it. */
    String productJson(String supplierId) {
        return """
                {"supplierId":"%s","model":"%s","firmwareVersion":"1.0","payloadFormat":"%s",
                 "ingestPolicy":{"protectionRequired":%s},"dataModel":%s}"""
                .formatted(supplierId, model, payloadFormat, protectionRequired, dataModel);
    }

    /** The format as a person reads it, e.g. {@code SenML CBOR, COSE-protected}. */
    public String formatDescription() {
        String format = switch (payloadFormat) {
            case "senml_cbor" -> "SenML CBOR";
            case "senml_json" -> "SenML JSON";
            default -> "JSON";
        };
        return protectionRequired ? format + ", COSE-protected" : format;
    }
}
