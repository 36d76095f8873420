package org.hostledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

class H2SystemPropertiesTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(H2SystemProperties.OBJECT_CACHE);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(H2SystemProperties.OBJECT_CACHE);
        } else {
            System.setProperty(H2SystemProperties.OBJECT_CACHE, before);
        }
    }

    @Test
    void turnsH2sSharedValueCacheOffBeforeTheFirstConnection() {
        System.clearProperty(H2SystemProperties.OBJECT_CACHE);
        new H2SystemProperties().postProcessEnvironment(new StandardEnvironment(), null);
        assertThat(System.getProperty(H2SystemProperties.OBJECT_CACHE)).isEqualTo("false");
    }

    @Test
    void keepsAValueGivenOnTheCommandLine() {
        System.setProperty(H2SystemProperties.OBJECT_CACHE, "true");
        new H2SystemProperties().postProcessEnvironment(new StandardEnvironment(), null);
        assertThat(System.getProperty(H2SystemProperties.OBJECT_CACHE)).isEqualTo("true");
    }

    @Test
    void springBootRunsItForEveryApplication() throws Exception {
        List<URL> files = Collections.list(getClass().getClassLoader().getResources("META-INF/spring.factories"));
        assertThat(files).anySatisfy(file -> assertThat(PropertiesLoaderUtils.loadProperties(new UrlResource(file))
                        .getProperty(EnvironmentPostProcessor.class.getName()))
                .contains(H2SystemProperties.class.getName()));
    }
}
