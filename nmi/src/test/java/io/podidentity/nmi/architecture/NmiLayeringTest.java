package io.podidentity.nmi.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/**
 * Keeps NMI's decision core pure (no Kubernetes, Azure, Jakarta or Helidon types, no I/O packages) and the token,
 * rules and wait packages free of Helidon, so each is tested without a server. Rules are methods: Surefire runs
 * only tests with a method source.
 */
@AnalyzeClasses(packages = "io.podidentity.nmi", importOptions = ImportOption.DoNotIncludeTests.class)
class NmiLayeringTest {

  @ArchTest
  static void decisionCoreImportsNothingForeign(JavaClasses classes) {
    noClasses().that().resideInAPackage("..nmi.decide..").should().dependOnClassesThat()
        .resideInAnyPackage("io.kubernetes..", "com.azure..", "com.microsoft..", "jakarta..", "io.helidon..",
            "java.net.http..", "java.nio.file..", "java.util.logging..", "io.podidentity.nmi.http..",
            "io.podidentity.nmi.kubernetes..", "io.podidentity.nmi.token..")
        .because("the decisions are functions over records, tested with records alone")
        .check(classes);
  }

  @ArchTest
  static void onlyTheHttpPackageAndWiringSeeHelidon(JavaClasses classes) {
    noClasses().that().resideInAnyPackage("..nmi.token..", "..nmi.net..", "..nmi.wait..", "..nmi.cluster..",
            "..nmi.kubernetes..", "..nmi.decide..")
        .should().dependOnClassesThat().resideInAnyPackage("io.helidon..", "jakarta..")
        .because("only the HTTP layer and the CDI wiring know the server")
        .check(classes);
  }
}
