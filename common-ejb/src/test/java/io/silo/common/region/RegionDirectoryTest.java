package io.silo.common.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegionDirectoryTest {

    @Test
    void readsRegionsWithTheirIdsAddressesAndVisibility() {
        RegionDirectory directory = RegionDirectory.fromConfig(config(Map.of(
                "silo.regions", "us,eu,acme",
                "silo.region.us.id", "1", "silo.region.us.address", "http://127.0.0.1:8081",
                "silo.region.eu.id", "2", "silo.region.eu.address", "http://127.0.0.1:8082", "silo.region.eu.api-host", "eu.silo.test",
                "silo.region.acme.id", "3", "silo.region.acme.address", "http://127.0.0.1:8083",
                "silo.region.acme.category", "single-tenant", "silo.region.acme.visible", "false")));
        assertEquals(List.of("us", "eu"), directory.visible().stream().map(Region::name).toList());
        assertEquals(RegionCategory.SINGLE_TENANT, directory.require("acme").category());
        assertEquals("eu.silo.test", directory.require("eu").apiHost());
        assertEquals("eu.silo.test", directory.require("eu").ingestHost(), "the ingest host defaults to the API host");
        assertEquals(2, directory.require("eu").id());
    }

    @Test
    void theIngestHostOfDsnsCanDifferFromTheApiHost() {
        RegionDirectory directory = RegionDirectory.fromConfig(config(Map.of("silo.regions", "eu",
                "silo.region.eu.id", "2", "silo.region.eu.address", "http://127.0.0.1:8082",
                "silo.region.eu.api-host", "eu.silo.test", "silo.region.eu.ingest-host", "o.eu.silo.test")));
        assertEquals("o.eu.silo.test", directory.require("eu").ingestHost());
        assertEquals("eu.silo.test", directory.require("eu").apiHost());
    }

    @Test
    void duplicateNamesAreRefused() {
        assertRefused("Invalid region directory: region 'us' is listed twice in silo.regions",
                Map.of("silo.regions", "us,us", "silo.region.us.id", "1", "silo.region.us.address", "http://127.0.0.1:1"));
    }

    @Test
    void duplicateIdsAreRefused() {
        assertRefused("Invalid region directory: regions 'us' and 'eu' both have id 1",
                Map.of("silo.regions", "us,eu", "silo.region.us.id", "1", "silo.region.us.address", "http://127.0.0.1:1",
                        "silo.region.eu.id", "1", "silo.region.eu.address", "http://127.0.0.1:2"));
    }

    @Test
    void missingIdOutOfRangeIdAndUnknownCategoryAreRefused() {
        assertRefused("Invalid region directory: region 'ap' has no silo.region.ap.id", Map.of("silo.regions", "ap"));
        assertRefused("Invalid region directory: region 'ap' has id 0; ids are 1..31 (0 is control)",
                Map.of("silo.regions", "ap", "silo.region.ap.id", "0"));
        assertRefused("Invalid region directory: region 'ap' has category 'shared'; use MULTI_TENANT or SINGLE_TENANT",
                Map.of("silo.regions", "ap", "silo.region.ap.id", "4", "silo.region.ap.address", "http://127.0.0.1:1",
                        "silo.region.ap.category", "shared"));
    }

    @Test
    void aServerWhoseRegionIsNotInTheDirectoryCannotStart() {
        RegionDirectory directory = RegionDirectory.fromConfig(config(Map.of("silo.regions", "us",
                "silo.region.us.id", "1", "silo.region.us.address", "http://127.0.0.1:1")));
        InvalidRegionDirectoryException refused = assertThrows(InvalidRegionDirectoryException.class, () -> directory.require("eu"));
        assertEquals("Invalid region directory: this server's region 'eu' is not in silo.regions [us]", refused.getMessage());
    }

    private static void assertRefused(String message, Map<String, String> values) {
        InvalidRegionDirectoryException refused = assertThrows(InvalidRegionDirectoryException.class,
                () -> RegionDirectory.fromConfig(config(values)));
        assertEquals(message, refused.getMessage());
    }

    private static java.util.function.Function<String, Optional<String>> config(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }
}
