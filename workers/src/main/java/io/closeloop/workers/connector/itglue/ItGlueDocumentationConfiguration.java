package io.closeloop.workers.connector.itglue;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.closeloop.workers.connector.http.Redactor;
import io.closeloop.workers.connector.http.VendorHttp;
import io.closeloop.workers.connector.http.VendorJson;

/** IT Glue as the documentation system, when {@code closeloop.docs.connector=itglue}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "closeloop.docs.connector", havingValue = "itglue")
@EnableConfigurationProperties(ItGlueDocumentationProperties.class)
public class ItGlueDocumentationConfiguration {

	@Bean
	ItGlueDocumentation itGlueDocumentation(ItGlueDocumentationProperties properties) {
		return create(properties, new ObjectMapper());
	}

	/** The connector with everything it needs, for the configuration and for tests. */
	public static ItGlueDocumentation create(ItGlueDocumentationProperties properties, ObjectMapper mapper) {
		VendorHttp http = new VendorHttp(ItGlueApi.VENDOR.displayName(), properties.http(),
				new Redactor(properties.apiKey()));
		return new ItGlueDocumentation(properties, new ItGlueApi(properties, http, new VendorJson(mapper)));
	}

}
