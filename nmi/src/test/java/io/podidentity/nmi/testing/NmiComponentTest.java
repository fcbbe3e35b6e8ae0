package io.podidentity.nmi.testing;

import io.helidon.microprofile.testing.AddBean;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test of the running NMI application: Helidon starts it once per class with {@link TestWorld}'s fakes in place
 * of the API server, IMDS and iptables, and every test starts from empty fakes and an empty token cache.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@HelidonTest
@AddBean(TestProducers.class)
@ExtendWith(TestWorld.Reset.class)
public @interface NmiComponentTest {}
