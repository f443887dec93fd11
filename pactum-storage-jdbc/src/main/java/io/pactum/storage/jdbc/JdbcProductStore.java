package io.pactum.storage.jdbc;

import io.pactum.core.error.ConflictException;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.error.NotFoundException;
import io.pactum.core.registry.ApprovalState;
import io.pactum.core.registry.ImplausibleValuePolicy;
import io.pactum.core.registry.IngestPolicy;
import io.pactum.core.registry.PayloadFormat;
import io.pactum.core.registry.Product;
import io.pactum.core.registry.ProductStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

final class JdbcProductStore implements ProductStore {
    private static final SqlStatements SQL = SqlStatements.load("products.sql");
    private static final String INSERT = SQL.get("insert");
    private static final String FIND = SQL.get("find");
    private static final String LIST = SQL.get("list");
    private static final String LIST_BY_SUPPLIER = SQL.get("listBySupplier");
    private static final String UPDATE = SQL.get("update");
    static final String EXISTS = SQL.get("exists");

    private final Jdbc jdbc;

    JdbcProductStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Product product) {
        Objects.requireNonNull(product, "product");
        try {
            jdbc.update(INSERT, s -> {
                s.setString(1, product.id());
                bindColumns(s, 2, product);
            });
        } catch (SQLException e) {
            throw translate("insert a product", product, e);
        }
    }

    @Override
    public void update(Product product) {
        Objects.requireNonNull(product, "product");
        int changed;
        try {
            changed = jdbc.update(UPDATE, s -> {
                int next = bindColumns(s, 1, product);
                s.setString(next, product.id());
            });
        } catch (SQLException e) {
            throw translate("update a product", product, e);
        }
        if (changed == 0) {
            throw NotFoundException.of("product", product.id());
        }
    }

    /** Binds every column but the id from {@code first} on; returns the next free index. */
    private static int bindColumns(PreparedStatement s, int first, Product product) throws SQLException {
        int i = first;
        s.setString(i++, product.supplierId());
        s.setString(i++, product.model());
        s.setString(i++, product.firmwareVersion());
        s.setString(i++, DataModelJson.write(product.dataModel()));
        s.setString(i++, product.payloadFormat().name());
        s.setString(i++, TranslationJson.write(product.translation()));
        s.setBoolean(i++, product.ingestPolicy().protectionRequired());
        s.setString(i++, product.ingestPolicy().implausibleValues().name());
        s.setInt(i++, product.ingestPolicy().retentionDays());
        s.setString(i++, product.approvalState().name());
        s.setString(i++, product.approvalNote());
        Jdbc.setInstant(s, i++, product.createdAt());
        Jdbc.setInstant(s, i++, product.updatedAt());
        return i;
    }

    private RuntimeException translate(String action, Product product, SQLException e) {
        try {
            if (SqlErrors.isUniqueViolation(e)) {
                if (action.startsWith("insert") && jdbc.exists(EXISTS, product.id())) {
                    return new ConflictException("id", "a product with id '" + product.id() + "' already exists");
                }
                return new ConflictException("firmwareVersion", "supplier '" + product.supplierId()
                        + "' already registered model '" + product.model() + "' with firmware version '"
                        + product.firmwareVersion() + "'");
            }
            if (SqlErrors.isForeignKeyViolation(e)) {
                return new InvalidInputException("supplierId",
                        "organisation '" + product.supplierId() + "' does not exist");
            }
        } catch (SQLException again) {
            return SqlErrors.failure("check a product", again);
        }
        return SqlErrors.failure(action, e);
    }

    @Override
    public Optional<Product> find(String id) {
        Objects.requireNonNull(id, "id");
        try {
            return jdbc.queryOne(FIND, s -> s.setString(1, id), JdbcProductStore::map);
        } catch (SQLException e) {
            throw SqlErrors.failure("read a product", e);
        }
    }

    @Override
    public List<Product> list() {
        try {
            return jdbc.query(LIST, s -> { }, JdbcProductStore::map);
        } catch (SQLException e) {
            throw SqlErrors.failure("list products", e);
        }
    }

    @Override
    public List<Product> listBySupplier(String supplierId) {
        Objects.requireNonNull(supplierId, "supplierId");
        try {
            return jdbc.query(LIST_BY_SUPPLIER, s -> s.setString(1, supplierId), JdbcProductStore::map);
        } catch (SQLException e) {
            throw SqlErrors.failure("list products", e);
        }
    }

    private static Product map(ResultSet row) throws SQLException {
        return new Product(
                row.getString("id"),
                row.getString("supplier_id"),
                row.getString("model"),
                row.getString("firmware_version"),
                DataModelJson.read(row.getString("data_model")),
                PayloadFormat.valueOf(row.getString("payload_format")),
                TranslationJson.read(row.getString("translation")),
                new IngestPolicy(row.getBoolean("protection_required"),
                        ImplausibleValuePolicy.valueOf(row.getString("implausible_values")),
                        row.getInt("retention_days")),
                ApprovalState.valueOf(row.getString("approval_state")),
                row.getString("approval_note"),
                Jdbc.getRequiredInstant(row, "created_at"),
                Jdbc.getRequiredInstant(row, "updated_at"));
    }
}
