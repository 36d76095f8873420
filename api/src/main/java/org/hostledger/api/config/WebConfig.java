package org.hostledger.api.config;

import com.fasterxml.jackson.core.StreamReadConstraints;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.hostledger.api.web.AwaitPositionInterceptor;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {

    private final AwaitPositionInterceptor awaitPosition;

    public WebConfig(AwaitPositionInterceptor awaitPosition) {
        this.awaitPosition = awaitPosition;
    }

    /**
     * Hostile JSON stops at the parser: nesting deeper than any request of this API needs, huge numbers and
     * strings are refused before they cost memory.
     */
    @Bean
    public Jackson2ObjectMapperBuilderCustomizer jsonReadLimits() {
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(16)
                        .maxNumberLength(40)
                        .maxStringLength(2_000_000)
                        .maxNameLength(200)
                        .build()));
    }

    /**
     * Encoded slashes reach Spring Security's firewall, which refuses them with a problem, instead of Tomcat's own
     * HTML error page.
     */
    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesToTheFirewall() {
        return factory -> factory.addConnectorCustomizers(
                connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(awaitPosition)
                .addPathPatterns(
                        "/api/**",
                        "/",
                        "/decisions/**",
                        "/hosts",
                        "/hosts/**",
                        "/certifications",
                        "/certifications/**",
                        "/changes");
    }
}
