package io.closeloop.workers.connector.hudu;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.closeloop.workers.connector.http.Redactor;
import io.closeloop.workers.connector.http.VendorHttp;
import io.closeloop.workers.connector.http.VendorJson;

/** Hudu as the documentation system, when {@code closeloop.docs.connector=hudu}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "closeloop.docs.connector", havingValue = "hudu")
@EnableConfigurationProperties(HuduDocumentationProperties.class)
public class HuduDocumentationConfiguration {

	@Bean
	HuduDocumentation huduDocumentation(HuduDocumentationProperties properties) {
		return create(properties, new ObjectMapper());
	}

	/** The connector with everything it needs, for the configuration and for tests. */
	public static HuduDocumentation create(HuduDocumentationProperties properties, ObjectMapper mapper) {
		VendorHttp http = new VendorHttp(HuduApi.VENDOR.displayName(), properties.http(),
				new Redactor(properties.apiKey()));
		return new HuduDocumentation(properties, new HuduApi(properties, http, new VendorJson(mapper)));
	}

}
