package io.silo.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.silo.architecture.fixture.WrongFixtures;
import io.silo.control.fixture.ControlCodeUsingRegionCode;
import io.silo.region.fixture.RegionCodeUsingControlCode;
import io.silo.region.fixture.RegionHelper;
import io.silo.region.issue.helpers.IssueHelpers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every rule holds on the real code of all modules, and fails on its deliberately wrong fixture. */
class SiloRulesTest {

    private static JavaClasses productionCode;

    @BeforeAll
    static void importProductionCode() {
        productionCode = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/jakarta") && !location.contains("/org/")
                        && !location.contains("/com/") && !location.contains("/net/"))
                .importPackages("io.silo");
        assertTrue(productionCode.contain("io.silo.control.schema.service.ControlSchemaMigration"), "control code imported");
        assertTrue(productionCode.contain("io.silo.region.schema.service.RegionSchemaMigration"), "region code imported");
        assertTrue(productionCode.contain("io.silo.control.region.api.RegionsResource"), "control web code imported");
    }

    @Test
    void everyComponentHasExactlyOneSilo() {
        SiloRules.EVERY_COMPONENT_HAS_EXACTLY_ONE_SILO.check(productionCode);
        assertFails(SiloRules.EVERY_COMPONENT_HAS_EXACTLY_ONE_SILO, WrongFixtures.ServiceWithoutSilo.class);
        assertFails(SiloRules.EVERY_COMPONENT_HAS_EXACTLY_ONE_SILO, WrongFixtures.ServiceWithTwoSilos.class);
    }

    @Test
    void noJpaRelationshipCrossesSilos() {
        SiloRules.NO_RELATIONSHIP_CROSSES_SILOS.allowEmptyShould(true).check(productionCode);
        assertFails(SiloRules.NO_RELATIONSHIP_CROSSES_SILOS, WrongFixtures.ProjectEntity.class, WrongFixtures.UserEntity.class);
    }

    @Test
    void controlAndRegionCodeNeverReferenceEachOther() {
        SiloRules.CONTROL_NEVER_USES_REGION_CODE.check(productionCode);
        SiloRules.REGION_NEVER_USES_CONTROL_CODE.check(productionCode);
        SiloRules.COMMON_USES_NEITHER_SILO.check(productionCode);
        assertFails(SiloRules.CONTROL_NEVER_USES_REGION_CODE, ControlCodeUsingRegionCode.class, RegionHelper.class);
        assertFails(SiloRules.REGION_NEVER_USES_CONTROL_CODE, RegionCodeUsingControlCode.class, ControlCodeUsingRegionCode.class);
    }

    @Test
    void rpcInterfacesAndOutboxPayloadsUseOnlyWireTypes() {
        SiloRules.RPC_METHODS_USE_ONLY_WIRE_TYPES.check(productionCode);
        SiloRules.OUTBOX_PAYLOADS_USE_ONLY_WIRE_TYPES.check(productionCode);
        assertFails(SiloRules.RPC_METHODS_USE_ONLY_WIRE_TYPES, WrongFixtures.LeakyService.class, WrongFixtures.NotARecord.class);
        assertFails(SiloRules.OUTBOX_PAYLOADS_USE_ONLY_WIRE_TYPES, WrongFixtures.LeakyPayload.class, WrongFixtures.NotARecord.class);
    }

    @Test
    void packagesAreNamedByTheirRole() {
        SiloRules.PACKAGES_ARE_NAMED_BY_ROLE.check(productionCode);
        assertFails(SiloRules.PACKAGES_ARE_NAMED_BY_ROLE, IssueHelpers.class);
    }

    @Test
    void webComponentsLiveInApiPackagesOfWebModules() {
        assertTrue(productionCode.contain("io.silo.common.web.api.SiloApplication"), "common-web imported");
        SiloRules.WEB_COMPONENTS_RESIDE_IN_API_PACKAGES.check(productionCode);
        SiloRules.NO_WEB_COMPONENT_IN_AN_EJB_MODULE.check(productionCode);
        assertFails(SiloRules.WEB_COMPONENTS_RESIDE_IN_API_PACKAGES, WrongFixtures.ResourceOutsideApi.class);
        // the fixtures are compiled into this module: named as if it were an EJB module, the rule must refuse them
        assertFails(SiloRules.webComponentsOutsideModules("architecture-tests"), WrongFixtures.ResourceOutsideApi.class);
    }

    @Test
    void productionCodeHoldsNoTestingEndpoint() {
        SiloRules.NO_TESTING_CODE_IN_PRODUCTION.check(productionCode);
        assertFails(SiloRules.NO_TESTING_CODE_IN_PRODUCTION, WrongFixtures.TestingResource.class);
        assertFails(SiloRules.NO_TESTING_CODE_IN_PRODUCTION, io.silo.region.testing.fixture.TestingHelper.class);
    }

    private static void assertFails(ArchRule rule, Class<?>... fixtures) {
        JavaClasses wrong = new ClassFileImporter().importClasses(fixtures);
        assertThrows(AssertionError.class, () -> rule.check(wrong), rule.getDescription() + " must fail on " + fixtures[0].getSimpleName());
    }
}
