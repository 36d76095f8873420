package org.hostledger.api;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the integration suites on PostgreSQL when {@code -Dhostledger.test.postgres-url=…} is given (the Maven
 * profile {@code postgres} does): each application context gets a schema of its own, as each gets its own H2 file
 * otherwise, so that tests expecting an empty store find one. {@code hostledger.test.schema} names the schema when two
 * starts must share it (a restart).
 */
public class PostgresTestSchema implements EnvironmentPostProcessor {

    public static final String URL = "hostledger.test.postgres-url";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = System.getProperty(URL);
        if (url == null || url.isBlank()) {
            return;
        }
        String schema = environment.getProperty(
                "hostledger.test.schema",
                "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 20));
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        properties.put("spring.datasource.username", System.getProperty("hostledger.test.postgres-user", "hostledger"));
        properties.put(
                "spring.datasource.password", System.getProperty("hostledger.test.postgres-password", "hostledger"));
        properties.put("spring.flyway.schemas", schema);
        properties.put("spring.flyway.default-schema", schema);
        properties.put("hostledger.test.schema", schema);
        environment.getPropertySources().addFirst(new MapPropertySource("postgres-test-schema", properties));
        // As the postgres profile has it (several nodes), unless a test sets its own: above the application's
        // properties, below the command line and the tests' own.
        MapPropertySource defaults =
                new MapPropertySource("postgres-test-defaults", Map.of("hostledger.projection-segments", "4"));
        String applicationProperties = environment.getPropertySources().stream()
                .map(source -> source.getName())
                .filter(name -> name.startsWith("Config resource"))
                .findFirst()
                .orElse(null);
        if (applicationProperties == null) {
            environment.getPropertySources().addLast(defaults);
        } else {
            environment.getPropertySources().addBefore(applicationProperties, defaults);
        }
    }

    public static boolean enabled() {
        String url = System.getProperty(URL);
        return url != null && !url.isBlank();
    }
}
