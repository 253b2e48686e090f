package io.closeloop.workers.connector.datto;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.closeloop.workers.connector.http.Redactor;
import io.closeloop.workers.connector.http.VendorHttp;
import io.closeloop.workers.connector.http.VendorJson;

/** Datto RMM as the RMM, when {@code closeloop.rmm.connector=datto}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "closeloop.rmm.connector", havingValue = "datto")
@EnableConfigurationProperties(DattoRmmProperties.class)
public class DattoRmmConfiguration {

	@Bean
	DattoRmm dattoRmm(DattoRmmProperties properties) {
		return create(properties, new ObjectMapper(), Clock.systemUTC());
	}

	/** The connector with everything it needs, for the configuration and for tests. */
	public static DattoRmm create(DattoRmmProperties properties, ObjectMapper mapper, Clock clock) {
		VendorHttp http = new VendorHttp(DattoApi.VENDOR, properties.http(),
				new Redactor(properties.apiKey(), properties.apiSecret()));
		return new DattoRmm(properties, new DattoApi(properties, http, new VendorJson(mapper), clock), clock);
	}

}
