package org.opengrievance.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules of the house that the compiler does not check, on the main classes (tests may reach across).
 * A feature package ({@code org.opengrievance.<feature>} and its sub-packages) never depends on itself through
 * another: where two features need each other, the lower one owns an interface the higher one implements
 * (e.g. {@code grievance.CaseDeadlines}, provided by {@code clock}).
 */
@AnalyzeClasses(packages = "org.opengrievance", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule featurePackagesHaveNoDependencyCycles =
            slices().matching("org.opengrievance.(*)..").should().beFreeOfCycles();
}
