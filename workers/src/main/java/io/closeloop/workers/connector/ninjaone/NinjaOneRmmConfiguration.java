package io.closeloop.workers.connector.ninjaone;

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

/** NinjaOne as the RMM, when {@code closeloop.rmm.connector=ninjaone}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnConnector(kind = "rmm", name = "ninjaone")
@EnableConfigurationProperties(NinjaOneRmmProperties.class)
public class NinjaOneRmmConfiguration {

	@Bean("rmm.ninjaone")
	NinjaOneRmm ninjaOneRmm(NinjaOneRmmProperties properties, Clock clock) {
		return create(properties, new ObjectMapper(), clock);
	}

	/** The connector with everything it needs, for the configuration and for tests. */
	public static NinjaOneRmm create(NinjaOneRmmProperties properties, ObjectMapper mapper, Clock clock) {
		VendorHttp http = new VendorHttp(NinjaOneApi.VENDOR.displayName(), properties.http(),
				new Redactor(properties.clientSecret(), properties.refreshToken()));
		return new NinjaOneRmm(properties, new NinjaOneApi(properties, http, new VendorJson(mapper), clock),
				new ScriptRunPoller(clock, properties.checkPollInterval(), properties.checkTimeout()));
	}

}
