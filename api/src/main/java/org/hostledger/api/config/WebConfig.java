package org.hostledger.api.config;

import org.hostledger.api.web.AwaitPositionInterceptor;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {

    private final AwaitPositionInterceptor awaitPosition;

    public WebConfig(AwaitPositionInterceptor awaitPosition) {
        this.awaitPosition = awaitPosition;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(awaitPosition).addPathPatterns("/api/**", "/", "/decisions/**", "/hosts/**");
    }
}
