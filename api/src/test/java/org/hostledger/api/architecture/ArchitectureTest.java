package org.hostledger.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** DESIGN.md's module table, enforced. */
@AnalyzeClasses(packages = "org.hostledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule commandsDoNotSeeProjections = noClasses()
            .that()
            .resideInAPackage("org.hostledger.commands..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.hostledger.projections..");

    @ArchTest
    static final ArchRule projectionsDoNotSeeCommands = noClasses()
            .that()
            .resideInAPackage("org.hostledger.projections..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.hostledger.commands..");

    @ArchTest
    static final ArchRule coreHasNoSpring = noClasses()
            .that()
            .resideInAPackage("org.hostledger.core..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule coreDependsOnNoOtherModule = noClasses()
            .that()
            .resideInAPackage("org.hostledger.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.hostledger.commands..", "org.hostledger.projections..", "org.hostledger.api..");

    @ArchTest
    static final ArchRule coreUsesOnlyAxonAnnotations = noClasses()
            .that()
            .resideInAPackage("org.hostledger.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.axonframework.eventsourcing..",
                    "org.axonframework.config..",
                    "org.axonframework.spring..",
                    "org.axonframework.eventhandling..",
                    "org.axonframework.queryhandling..");

    @ArchTest
    static final ArchRule onlyTheApiSeesTheApi = noClasses()
            .that()
            .resideInAnyPackage("org.hostledger.commands..", "org.hostledger.projections..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.hostledger.api..");

    @ArchTest
    static final ArchRule nothingUsesXStream =
            noClasses().should().dependOnClassesThat().resideInAPackage("com.thoughtworks.xstream..");
}
