package org.hostledger.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The README's module table, enforced: which module may see which, no Spring in the domain, nothing web in the
 * store, and no package cycles inside any module. {@link StoreTablesTest} adds "only the store touches the event,
 * token and chain tables", which class dependencies cannot show.
 */
@AnalyzeClasses(packages = "org.hostledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String CORE = "org.hostledger.core..";
    private static final String COMMANDS = "org.hostledger.commands..";
    private static final String PROJECTIONS = "org.hostledger.projections..";
    private static final String STORE = "org.hostledger.store..";
    private static final String API = "org.hostledger.api..";

    @ArchTest
    static final ArchRule coreDependsOnNoOtherModule = noClasses()
            .that()
            .resideInAPackage(CORE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(COMMANDS, PROJECTIONS, STORE, API);

    @ArchTest
    static final ArchRule commandsSeeOnlyCore = noClasses()
            .that()
            .resideInAPackage(COMMANDS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(PROJECTIONS, STORE, API);

    @ArchTest
    static final ArchRule projectionsSeeOnlyCore = noClasses()
            .that()
            .resideInAPackage(PROJECTIONS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(COMMANDS, STORE, API);

    @ArchTest
    static final ArchRule storeSeesOnlyCore = noClasses()
            .that()
            .resideInAPackage(STORE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(COMMANDS, PROJECTIONS, API);

    @ArchTest
    static final ArchRule coreAndCommandsHaveNoSpring = noClasses()
            .that()
            .resideInAnyPackage(CORE, COMMANDS)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule storeIsNothingWeb = noClasses()
            .that()
            .resideInAPackage(STORE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..", "org.springframework.http..");

    @ArchTest
    static final ArchRule coreUsesOnlyAxonAnnotations = noClasses()
            .that()
            .resideInAPackage(CORE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.axonframework.eventsourcing..",
                    "org.axonframework.config..",
                    "org.axonframework.spring..",
                    "org.axonframework.eventhandling..",
                    "org.axonframework.queryhandling..");

    /** The application services serve the HTTP edge, the demo history, imports and the benchmark: never the reverse. */
    @ArchTest
    static final ArchRule applicationDoesNotSeeTheEdge = noClasses()
            .that()
            .resideInAPackage("org.hostledger.api.application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.hostledger.api.web..",
                    "org.hostledger.api.pages..",
                    "org.hostledger.api.security..",
                    "org.hostledger.api.config..");

    @ArchTest
    static final ArchRule noCyclesInCore =
            slices().matching("org.hostledger.core.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesInCommands =
            slices().matching("org.hostledger.commands.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesInProjections =
            slices().matching("org.hostledger.projections.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesInStore =
            slices().matching("org.hostledger.store.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesInApi =
            slices().matching("org.hostledger.api.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule nothingUsesXStream =
            noClasses().should().dependOnClassesThat().resideInAPackage("com.thoughtworks.xstream..");
}
