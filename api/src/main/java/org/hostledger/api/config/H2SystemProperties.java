package org.hostledger.api.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * H2's JVM-wide settings, set before the first connection (H2 reads them once, when its classes load): run as an
 * {@link EnvironmentPostProcessor}, so for the application, its tests and the benchmark alike. A value given on the
 * command line ({@code -Dh2.objectCache=true}) is kept.
 *
 * <p>{@code h2.objectCache=false}: H2 passes every value it reads from a page through one array shared by all
 * threads, to reuse equal strings and numbers; that hashes each string whole and writes the shared array from every
 * core. In the benchmark's profile of the REST reads at 1,000,000 events it was a tenth of the registry's query time
 * and a twelfth of the hosting map's. H2's page cache is bounded by its own estimate of each page's values, which
 * ignores that sharing: the bound on the heap it takes does not change.
 */
public class H2SystemProperties implements EnvironmentPostProcessor {

    static final String OBJECT_CACHE = "h2.objectCache";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(OBJECT_CACHE) == null) {
            System.setProperty(OBJECT_CACHE, "false");
        }
    }
}
