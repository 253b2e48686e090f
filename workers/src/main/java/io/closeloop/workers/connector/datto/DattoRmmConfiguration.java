package io.closeloop.workers.connector.datto;

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

/** Datto RMM as the RMM, when {@code closeloop.rmm.connector=datto}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnConnector(kind = "rmm", name = "datto")
@EnableConfigurationProperties(DattoRmmProperties.class)
public class DattoRmmConfiguration {

	@Bean("rmm.datto")
	DattoRmm dattoRmm(DattoRmmProperties properties, Clock clock) {
		return create(properties, new ObjectMapper(), clock);
	}

	/** The connector with everything it needs, for the configuration and for tests. */
	public static DattoRmm create(DattoRmmProperties properties, ObjectMapper mapper, Clock clock) {
		VendorHttp http = new VendorHttp(DattoApi.VENDOR.displayName(), properties.http(),
				new Redactor(properties.apiKey(), properties.apiSecret()));
		return new DattoRmm(properties, new DattoApi(properties, http, new VendorJson(mapper), clock),
				new ScriptRunPoller(clock, properties.checkPollInterval(), properties.checkTimeout()));
	}

}
