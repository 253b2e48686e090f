package io.closeloop.workers.connector.tactical;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.closeloop.workers.connector.http.Redactor;
import io.closeloop.workers.connector.http.VendorHttp;
import io.closeloop.workers.connector.http.VendorJson;
import io.closeloop.workers.connector.routing.ConditionalOnConnector;

/** Tactical RMM as the RMM, when {@code closeloop.rmm.connector=tactical}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnConnector(kind = "rmm", name = "tactical")
@EnableConfigurationProperties(TacticalRmmProperties.class)
public class TacticalRmmConfiguration {

	@Bean("rmm.tactical")
	TacticalRmm tacticalRmm(TacticalRmmProperties properties) {
		return create(properties, new ObjectMapper());
	}

	/** The connector with everything it needs, for the configuration and for tests. */
	public static TacticalRmm create(TacticalRmmProperties properties, ObjectMapper mapper) {
		VendorHttp http = new VendorHttp(TacticalApi.VENDOR.displayName(), properties.http(),
				new Redactor(properties.apiKey()));
		return new TacticalRmm(properties, new TacticalApi(properties, http, new VendorJson(mapper)));
	}

}
