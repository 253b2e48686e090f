package io.closeloop.workers.connector.halo;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.closeloop.workers.connector.http.Redactor;
import io.closeloop.workers.connector.http.VendorHttp;
import io.closeloop.workers.connector.http.VendorJson;
import io.closeloop.workers.connector.routing.ConditionalOnConnector;

/** HaloPSA as the PSA, when {@code closeloop.psa.connector=halo}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnConnector(kind = "psa", name = "halo")
@EnableConfigurationProperties(HaloPsaProperties.class)
public class HaloPsaConfiguration {

	@Bean("psa.halo")
	HaloPsa haloPsa(HaloPsaProperties properties, Clock clock) {
		return create(properties, new ObjectMapper(), clock);
	}

	/** The connector with everything it needs, for the configuration and for tests. */
	public static HaloPsa create(HaloPsaProperties properties, ObjectMapper mapper, Clock clock) {
		VendorHttp http = new VendorHttp(HaloApi.VENDOR.displayName(), properties.http(),
				new Redactor(properties.clientSecret()));
		return new HaloPsa(properties, new HaloApi(properties, http, new VendorJson(mapper), clock));
	}

}
