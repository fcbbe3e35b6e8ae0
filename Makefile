# Pod Identity: build, test and run. Every target finds a JDK 21+ by itself (.ci/find-jdk).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := build

JAVA_HOME := $(shell .ci/find-jdk)
ifeq ($(JAVA_HOME),)
$(error no JDK 21 or newer: see the message above)
endif
export JAVA_HOME
export PATH := $(JAVA_HOME)/bin:$(PATH)

MVN ?= mvn
MVN_FLAGS ?= -B --no-transfer-progress
MAVEN := $(MVN) $(MVN_FLAGS)

.PHONY: build test unit kube-sim azure-sim clean help

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | column -t -s $$'\t'

build: ## compile and package every module (no tests)
	$(MAVEN) install -DskipTests

test: ## everything CI runs: unit, component and integration tests, the benchmarks' smoke run, and (as root) make e2e
	$(MAVEN) install
	$(MAKE) bench-smoke
	$(MAKE) e2e

unit: ## unit and component tests only (surefire), fastest feedback
	$(MAVEN) install -DskipITs

KUBE_SIM_JAR := tests/kube-sim/target/podidentity-kube-sim-0.1.0-SNAPSHOT.jar
$(KUBE_SIM_JAR):
	$(MAVEN) -q install -DskipTests -pl tests/kube-sim -am

kube-sim: $(KUBE_SIM_JAR) ## run the Kubernetes API simulator on a free loopback port; writes target/kube-sim/kubeconfig
	java -jar $(KUBE_SIM_JAR) --kubeconfig target/kube-sim/kubeconfig

AZURE_SIM_JAR := tests/azure-sim/target/podidentity-azure-sim-0.1.0-SNAPSHOT.jar
$(AZURE_SIM_JAR):
	$(MAVEN) -q install -DskipTests -pl tests/azure-sim -am

azure-sim: $(AZURE_SIM_JAR) ## run the Azure simulator; writes target/azure-sim/ (CA, trust store, endpoints)
	java -jar $(AZURE_SIM_JAR) --out target/azure-sim

MIC_JAR := mic/target/podidentity-mic-0.1.0-SNAPSHOT.jar
NMI_JAR := nmi/target/podidentity-nmi-0.1.0-SNAPSHOT.jar
SYSTEM_JAR := tests/system/target/podidentity-system-tests-0.1.0-SNAPSHOT.jar
$(MIC_JAR):
	$(MAVEN) -q install -DskipTests -pl mic -am
$(NMI_JAR):
	$(MAVEN) -q install -DskipTests -pl nmi -am
$(SYSTEM_JAR): | $(KUBE_SIM_JAR) $(AZURE_SIM_JAR) $(MIC_JAR) $(NMI_JAR)
	$(MAVEN) -q install -DskipTests -pl tests/system

.PHONY: e2e
e2e: $(KUBE_SIM_JAR) $(AZURE_SIM_JAR) $(MIC_JAR) $(NMI_JAR) $(SYSTEM_JAR) ## system tests as root: pods in network namespaces behind NMI's own iptables rules, Azurite, real SDKs
	@if [ "$$(id -u)" != 0 ]; then \
	  echo "e2e: skipped: needs root (it creates network namespaces and iptables rules inside them); CI runs it as root"; \
	  exit 0; \
	fi; \
	if [ ! -x tests/system/node_modules/.bin/azurite-blob ]; then \
	  (cd tests/system && npm ci --no-audit --no-fund --ignore-scripts); \
	fi; \
	$(MAVEN) -q verify -pl tests/system -De2e.run=true -Dit.test=PodIdentityE2E

.PHONY: sandbox
sandbox: $(KUBE_SIM_JAR) $(AZURE_SIM_JAR) $(MIC_JAR) $(NMI_JAR) $(SYSTEM_JAR) ## simulators, MIC and NMI on loopback, the tutorial, then serve until Ctrl-C (README, "Sandbox")
	java -jar $(SYSTEM_JAR)

.PHONY: bench bench-smoke
BENCH_JAR := tests/bench/target/podidentity-bench-0.1.0-SNAPSHOT.jar

bench: ## run every benchmark at full size (about 15 minutes); prints a table, writes target/bench/report.{md,json}
	$(MAVEN) -q install -DskipTests -pl tests/bench -am
	java -cp $(BENCH_JAR) io.podidentity.bench.BenchMain --mode full --out target/bench

bench-smoke: ## the benchmarks at tiny sizes (under a minute), checked by BenchSmokeTest; part of make test
	$(MAVEN) -q install -pl tests/bench -am -DskipITs -Dtest=BenchSmokeTest -Dsurefire.failIfNoSpecifiedTests=false \
	  -Dbench.skip=false

clean: ## remove build output
	$(MAVEN) -q clean
	rm -rf target
