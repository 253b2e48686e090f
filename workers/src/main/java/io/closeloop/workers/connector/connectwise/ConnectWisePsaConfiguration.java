package io.closeloop.workers.connector.connectwise;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.closeloop.workers.connector.http.Redactor;
import io.closeloop.workers.connector.http.VendorHttp;
import io.closeloop.workers.connector.http.VendorJson;
import io.closeloop.workers.connector.routing.ConditionalOnConnector;

/** ConnectWise PSA as the PSA, when {@code closeloop.psa.connector=connectwise}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnConnector(kind = "psa", name = "connectwise")
@EnableConfigurationProperties(ConnectWisePsaProperties.class)
public class ConnectWisePsaConfiguration {

	@Bean("psa.connectwise")
	ConnectWisePsa connectWisePsa(ConnectWisePsaProperties properties) {
		return create(properties, new ObjectMapper());
	}

	/** The connector with everything it needs, for the configuration and for tests. */
	public static ConnectWisePsa create(ConnectWisePsaProperties properties, ObjectMapper mapper) {
		// The Basic header encodes the keys: masked too, should a vendor echo it.
		String basic = ConnectWiseApi.authorization(properties).substring("Basic ".length());
		VendorHttp http = new VendorHttp(ConnectWiseApi.VENDOR.displayName(), properties.http(),
				new Redactor(properties.privateKey(), properties.publicKey(), properties.clientId(), basic));
		return new ConnectWisePsa(properties, new ConnectWiseApi(properties, http, new VendorJson(mapper)));
	}

}
