package io.closeloop.workers.connector.ncentral;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.closeloop.workers.connector.ScriptRunPoller;
import io.closeloop.workers.connector.http.Redactor;
import io.closeloop.workers.connector.http.VendorHttp;
import io.closeloop.workers.connector.http.VendorJson;
import io.closeloop.workers.connector.routing.ConditionalOnConnector;

/** N-able N-central as the RMM, when {@code closeloop.rmm.connector=ncentral}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnConnector(kind = "rmm", name = "ncentral")
@EnableConfigurationProperties(NcentralRmmProperties.class)
public class NcentralRmmConfiguration {

	@Bean("rmm.ncentral")
	NcentralRmm ncentralRmm(NcentralRmmProperties properties, Clock clock) {
		return create(properties, new ObjectMapper(), clock);
	}

	/** The connector with everything it needs, for the configuration and for tests. */
	public static NcentralRmm create(NcentralRmmProperties properties, ObjectMapper mapper, Clock clock) {
		VendorHttp http = new VendorHttp(NcentralApi.VENDOR.displayName(), properties.http(),
				new Redactor(properties.userApiToken()));
		return new NcentralRmm(properties, new NcentralApi(properties, http, new VendorJson(mapper), clock), clock,
				new ScriptRunPoller(clock, properties.checkPollInterval(), properties.checkTimeout()));
	}

}
