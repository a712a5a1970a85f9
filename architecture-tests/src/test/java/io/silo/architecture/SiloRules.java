package io.silo.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The silo and layout rules of docs/architecture.md ("Silos and their rules", "Packages"), as ArchUnit rules.
 * Each has a test proving it can fail.
 */
public final class SiloRules {

    static final List<String> SILO_ANNOTATIONS = List.of(
            "io.silo.common.silo.ControlSilo", "io.silo.common.silo.RegionSilo", "io.silo.common.silo.AllSilos");

    private static final Set<String> COMPONENT_ANNOTATIONS = Set.of(
            "jakarta.persistence.Entity", "jakarta.ejb.Stateless", "jakarta.ejb.Singleton", "jakarta.ejb.Stateful",
            "jakarta.ws.rs.Path", "jakarta.enterprise.context.ApplicationScoped", "jakarta.enterprise.context.RequestScoped",
            "jakarta.enterprise.context.Dependent", "jakarta.ejb.MessageDriven");

    private static final Set<String> RELATIONSHIPS = Set.of("jakarta.persistence.OneToOne", "jakarta.persistence.OneToMany",
            "jakarta.persistence.ManyToOne", "jakarta.persistence.ManyToMany", "jakarta.persistence.ElementCollection");

    private static final Set<String> CONTAINERS = Set.of("java.util.List", "java.util.Set", "java.util.Map",
            "java.util.Optional", "java.util.Collection");

    private SiloRules() {
    }

    /** Entities, services, resources, jobs and message consumers. */
    static final DescribedPredicate<JavaClass> SILO_COMPONENTS = new DescribedPredicate<>(
            "entities, services, resources, jobs and message consumers") {
        @Override
        public boolean test(JavaClass type) {
            return type.getAnnotations().stream().anyMatch(a -> COMPONENT_ANNOTATIONS.contains(a.getRawType().getName()))
                    || type.isAssignableTo("jakarta.jms.MessageListener")
                    || type.getMethods().stream().anyMatch(m -> m.isAnnotatedWith("jakarta.ejb.Schedule"));
        }
    };

    public static final ArchRule EVERY_COMPONENT_HAS_EXACTLY_ONE_SILO = classes().that(SILO_COMPONENTS)
            .should(new ArchCondition<>("carry exactly one of @ControlSilo, @RegionSilo, @AllSilos") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    long count = SILO_ANNOTATIONS.stream().filter(type::isAnnotatedWith).count();
                    if (count != 1) {
                        events.add(SimpleConditionEvent.violated(type, type.getName() + " carries " + count + " silo annotations"));
                    }
                }
            });

    public static final ArchRule NO_RELATIONSHIP_CROSSES_SILOS = classes().that()
            .areAnnotatedWith("jakarta.persistence.Entity")
            .should(new ArchCondition<>("relate only to entities of their own silo (a plain id column crosses silos)") {
                @Override
                public void check(JavaClass entity, ConditionEvents events) {
                    for (JavaField field : entity.getAllFields()) {
                        if (field.getAnnotations().stream().noneMatch(a -> RELATIONSHIPS.contains(a.getRawType().getName()))) {
                            continue;
                        }
                        for (JavaClass target : referencedClasses(field.getType())) {
                            if (target.isAnnotatedWith("jakarta.persistence.Entity") && !siloOf(target).equals(siloOf(entity))) {
                                events.add(SimpleConditionEvent.violated(field, entity.getSimpleName() + "." + field.getName()
                                        + " (" + siloOf(entity) + ") relates to " + target.getSimpleName() + " (" + siloOf(target) + ")"));
                            }
                        }
                    }
                }
            });

    public static final ArchRule CONTROL_NEVER_USES_REGION_CODE = noClasses().that().resideInAPackage("io.silo.control..")
            .should().dependOnClassesThat().resideInAPackage("io.silo.region..");

    public static final ArchRule REGION_NEVER_USES_CONTROL_CODE = noClasses().that().resideInAPackage("io.silo.region..")
            .should().dependOnClassesThat().resideInAPackage("io.silo.control..");

    public static final ArchRule COMMON_USES_NEITHER_SILO = noClasses().that().resideInAPackage("io.silo.common..")
            .should().dependOnClassesThat().resideInAnyPackage("io.silo.control..", "io.silo.region..");

    /** What a package of a silo's feature may be: {@code io.silo.<control|region>.<feature>.<role>}. */
    static final Set<String> ROLES = Set.of("api", "service", "model", "rpc");

    /** Packages outside the roles, each a named exception documented in docs/architecture.md ("Packages"). */
    static final Set<String> NAMED_PACKAGES = Set.of();

    public static final ArchRule PACKAGES_ARE_NAMED_BY_ROLE = classes().that()
            .resideInAnyPackage("io.silo.control..", "io.silo.region..")
            .should(new ArchCondition<>("reside in io.silo.<silo>.<feature>.<role>, role one of " + ROLES
                    + ", or in a named exception " + NAMED_PACKAGES) {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    String[] parts = type.getPackageName().split("\\.");
                    boolean byRole = parts.length == 5 && ROLES.contains(parts[4]);
                    if (!byRole && !NAMED_PACKAGES.contains(type.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(type, type.getName() + " resides in "
                                + type.getPackageName() + ", which is not io.silo.<silo>.<feature>.<role> (" + ROLES
                                + ") nor a named exception"));
                    }
                }
            });

    private static final Set<String> WEB_ANNOTATIONS = Set.of("jakarta.ws.rs.Path", "jakarta.ws.rs.ext.Provider",
            "jakarta.ws.rs.ApplicationPath", "jakarta.servlet.annotation.WebFilter", "jakarta.servlet.annotation.WebServlet",
            "jakarta.servlet.annotation.WebListener");

    /** JAX-RS resources, providers and applications, servlets, servlet filters and listeners. */
    static final DescribedPredicate<JavaClass> WEB_COMPONENTS = new DescribedPredicate<>(
            "JAX-RS resources, providers and applications, servlets, filters and listeners") {
        @Override
        public boolean test(JavaClass type) {
            return type.getAnnotations().stream().anyMatch(a -> WEB_ANNOTATIONS.contains(a.getRawType().getName()));
        }
    };

    public static final ArchRule WEB_COMPONENTS_RESIDE_IN_API_PACKAGES = classes().that(WEB_COMPONENTS)
            .should().resideInAPackage("..api..");

    /** Web components live in web modules (common-web, control-web, region-web), never in a module named so. */
    static ArchRule webComponentsOutsideModules(String... moduleNames) {
        return classes().that(WEB_COMPONENTS).should(new ArchCondition<>("be outside the modules " + List.of(moduleNames)) {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String location = type.getSource().map(source -> source.getUri().toString()).orElse("");
                for (String module : moduleNames) {
                    if (location.contains("/" + module + "/") || location.contains("/" + module + "-")) {
                        events.add(SimpleConditionEvent.violated(type, type.getName() + " is a web component in " + module));
                    }
                }
            }
        });
    }

    public static final ArchRule NO_WEB_COMPONENT_IN_AN_EJB_MODULE = webComponentsOutsideModules(
            "common-ejb", "control-ejb", "region-ejb");

    /** Testing endpoints exist only in the test WARs (module testing): the production modules hold none. */
    public static final ArchRule NO_TESTING_CODE_IN_PRODUCTION = classes().should(new ArchCondition<>(
            "reside outside testing packages and serve no path under api/0/internal/testing/") {
        @Override
        public void check(JavaClass type, ConditionEvents events) {
            if (("." + type.getPackageName() + ".").contains(".testing.")) {
                events.add(SimpleConditionEvent.violated(type, type.getName() + " resides in a testing package"));
            }
            type.tryGetAnnotationOfType("jakarta.ws.rs.Path").ifPresent(path -> {
                String value = String.valueOf(path.get("value").orElse(""));
                if (value.replaceFirst("^/", "").startsWith("api/0/internal/testing")) {
                    events.add(SimpleConditionEvent.violated(type, type.getName() + " serves " + value));
                }
            });
        }
    });

    public static final ArchRule RPC_METHODS_USE_ONLY_WIRE_TYPES = methods().that().areDeclaredInClassesThat()
            .areAnnotatedWith("io.silo.common.rpc.RpcService")
            .should(new ArchCondition<>("take and return only records, enums, primitives, String and java.time from common-ejb") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    Stream.concat(Stream.of(method.getReturnType()), method.getParameterTypes().stream())
                            .forEach(type -> checkWireType(type, method.getFullName(), method, events));
                }
            }).allowEmptyShould(true);

    public static final ArchRule OUTBOX_PAYLOADS_USE_ONLY_WIRE_TYPES = classes()
            .that().areAnnotatedWith("io.silo.common.outbox.OutboxPayload")
            .should(new ArchCondition<>("be records in common-ejb whose components are wire types") {
                @Override
                public void check(JavaClass payload, ConditionEvents events) {
                    if (!payload.isRecord() || !payload.getPackageName().startsWith("io.silo.common")) {
                        events.add(SimpleConditionEvent.violated(payload, payload.getName() + " is not a record in common-ejb"));
                    }
                    for (JavaField field : payload.getFields()) {
                        if (!field.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC)) {
                            checkWireType(field.getType(), field.getFullName(), field, events);
                        }
                    }
                }
            }).allowEmptyShould(true);

    private static void checkWireType(JavaType type, String where, Object owner, ConditionEvents events) {
        JavaClass raw = type.toErasure();
        boolean ok = raw.isPrimitive() || raw.getName().equals("void") || raw.getName().equals("java.lang.String")
                || raw.getPackageName().equals("java.time")
                || raw.getName().startsWith("java.lang.") && Set.of("Integer", "Long", "Boolean", "Double").contains(raw.getSimpleName())
                || (raw.isRecord() || raw.isEnum()) && raw.getPackageName().startsWith("io.silo.common");
        if (CONTAINERS.contains(raw.getName()) && type instanceof JavaParameterizedType parameterized) {
            parameterized.getActualTypeArguments().forEach(argument -> checkWireType(argument, where, owner, events));
            return;
        }
        if (!ok) {
            events.add(SimpleConditionEvent.violated(owner, where + " uses " + raw.getName()
                    + ", which is not a record, enum, primitive, String or java.time type of common-ejb"));
        }
    }

    private static List<JavaClass> referencedClasses(JavaType type) {
        if (type instanceof JavaParameterizedType parameterized) {
            return parameterized.getActualTypeArguments().stream().map(JavaType::toErasure).toList();
        }
        return List.of(type.toErasure());
    }

    private static String siloOf(JavaClass type) {
        return SILO_ANNOTATIONS.stream().filter(type::isAnnotatedWith).findFirst().orElse("none");
    }
}
