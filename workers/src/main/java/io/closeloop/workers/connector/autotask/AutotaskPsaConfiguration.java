package io.closeloop.workers.connector.autotask;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.closeloop.workers.connector.http.Redactor;
import io.closeloop.workers.connector.http.VendorHttp;
import io.closeloop.workers.connector.http.VendorJson;
import io.closeloop.workers.connector.routing.ConditionalOnConnector;

/** Autotask as the PSA, when {@code closeloop.psa.connector=autotask}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnConnector(kind = "psa", name = "autotask")
@EnableConfigurationProperties(AutotaskPsaProperties.class)
public class AutotaskPsaConfiguration {

	@Bean("psa.autotask")
	AutotaskPsa autotaskPsa(AutotaskPsaProperties properties) {
		return create(properties, new ObjectMapper());
	}

	/** The connector with everything it needs, for the configuration and for tests. */
	public static AutotaskPsa create(AutotaskPsaProperties properties, ObjectMapper mapper) {
		VendorHttp http = new VendorHttp(AutotaskApi.VENDOR.displayName(), properties.http(),
				new Redactor(properties.secret(), properties.integrationCode()));
		return new AutotaskPsa(properties, new AutotaskApi(properties, http, new VendorJson(mapper)));
	}

}
