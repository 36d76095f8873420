package org.hostledger.api.config;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.hostledger.api.web.AwaitPositionInterceptor;
import org.hostledger.api.web.ViewsRebuildingInterceptor;
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
    private final ViewsRebuildingInterceptor viewsRebuilding;

    public WebConfig(AwaitPositionInterceptor awaitPosition, ViewsRebuildingInterceptor viewsRebuilding) {
        this.awaitPosition = awaitPosition;
        this.viewsRebuilding = viewsRebuilding;
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
     * JSON is read as written (the web mapper only: the event mapper keeps reading old events leniently). A number,
     * boolean or object where text belongs is refused rather than turned into text, text where a number or boolean
     * belongs is refused rather than parsed, and one value where a list belongs is not taken for a one-element list.
     * Unknown fields and repeated keys are refused by {@code application.properties}.
     */
    @Bean
    public Jackson2ObjectMapperBuilderCustomizer strictJsonTypes() {
        return builder -> builder.featuresToDisable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .featuresToEnable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .postConfigurer(StrictJson::apply);
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

    /**
     * Tomcat's own error answers (requests refused before any filter) as problem details: runs after Spring Boot's
     * customizer, which installs a plain {@code ErrorReportValve}, and replaces it.
     */
    @Bean
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            org.apache.catalina.Container host = context.getParent();
            for (org.apache.catalina.Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof org.apache.catalina.valves.ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ProblemReportValve());
            if (host instanceof org.apache.catalina.core.StandardHost standard) {
                standard.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // First: a read refused because views are being rebuilt need not wait for a position first.
        registry.addInterceptor(viewsRebuilding).addPathPatterns("/**");
        registry.addInterceptor(awaitPosition)
                .addPathPatterns(
                        "/api/**",
                        "/",
                        "/decisions/**",
                        "/hosts",
                        "/hosts/**",
                        "/certifications",
                        "/certifications/**",
                        "/changes",
                        "/registers",
                        "/registers/**",
                        "/search");
    }
}
