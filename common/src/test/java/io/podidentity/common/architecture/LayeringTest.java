package io.podidentity.common.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/**
 * Keeps the domain model and the decision cores free of Kubernetes, Gson, Azure, Jakarta and Helidon types, so they
 * stay testable with records alone; only {@code ..common.crd..} (and test fixtures) may see the wire types. The
 * rules are methods, not fields: Surefire runs only tests with a method source.
 */
@AnalyzeClasses(packages = "io.podidentity.common", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
  private static final String[] FOREIGN = {
    "io.kubernetes..", "com.google.gson..", "com.azure..", "com.microsoft..", "jakarta..", "io.helidon.."
  };

  @ArchTest
  static void modelAndPlanImportNothingForeign(JavaClasses classes) {
    noClasses()
        .that()
        .resideInAnyPackage("..common.model..", "..common.plan..", "..common.port..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FOREIGN)
        .because("the domain, its decisions and the ports are plain Java, tested with records alone")
        .check(classes);
  }

  @ArchTest
  static void onlyTheWirePackageSeesKubernetesTypes(JavaClasses classes) {
    noClasses()
        .that()
        .resideInAPackage("io.podidentity.common..")
        .and()
        .resideOutsideOfPackages("..common.crd..", "..common.testing..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.kubernetes..", "com.google.gson..")
        .because("..common.crd.. is the one place that maps wire objects to records")
        .check(classes);
  }

  @ArchTest
  static void modelDoesNotDependOnTheWirePackage(JavaClasses classes) {
    noClasses()
        .that()
        .resideInAPackage("..common.model..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..common.crd..")
        .because("the wire package maps to the model, never the reverse")
        .check(classes);
  }
}
