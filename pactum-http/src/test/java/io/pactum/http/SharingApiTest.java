package io.pactum.http;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** One hub with the sharing services for all tests of a class, and the fixture that populates it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SharingApiTest {
    protected TestHub hub;
    protected Api api;
    protected SharingFixture fixture;

    @BeforeAll
    void startHub(@TempDir Path dataDir) throws Exception {
        hub = TestHub.withSharing(dataDir);
        api = hub.api;
        fixture = new SharingFixture(hub);
    }

    @AfterAll
    void stopHub() {
        hub.close();
    }
}
