package io.closeloop.workers.connector.routing;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.Environment;
import org.springframework.util.Assert;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.closeloop.rules.ActiveRules;
import io.closeloop.workers.connector.NoDocumentation;
import io.closeloop.workers.connector.atera.AteraAlertFeed;
import io.closeloop.workers.connector.atera.AteraRmm;
import io.closeloop.workers.connector.atera.AteraRmmProperties;
import io.closeloop.workers.connector.autotask.AutotaskPsa;
import io.closeloop.workers.connector.autotask.AutotaskPsaProperties;
import io.closeloop.workers.connector.connectwise.ConnectWisePsa;
import io.closeloop.workers.connector.connectwise.ConnectWisePsaProperties;
import io.closeloop.workers.connector.datto.DattoRmm;
import io.closeloop.workers.connector.datto.DattoRmmProperties;
import io.closeloop.workers.connector.halo.HaloPsa;
import io.closeloop.workers.connector.halo.HaloPsaProperties;
import io.closeloop.workers.connector.hudu.HuduDocumentation;
import io.closeloop.workers.connector.hudu.HuduDocumentationProperties;
import io.closeloop.workers.connector.itglue.ItGlueDocumentation;
import io.closeloop.workers.connector.itglue.ItGlueDocumentationProperties;
import io.closeloop.workers.connector.ncentral.NcentralRmm;
import io.closeloop.workers.connector.ncentral.NcentralRmmProperties;
import io.closeloop.workers.connector.ninjaone.NinjaOneRmm;
import io.closeloop.workers.connector.ninjaone.NinjaOneRmmProperties;
import io.closeloop.workers.connector.tactical.TacticalRmm;
import io.closeloop.workers.connector.tactical.TacticalRmmProperties;
import io.closeloop.workers.simulator.SimulatedPsa;
import io.closeloop.workers.simulator.SimulatedRmm;

/**
 * Every connector, each created only when chosen: an RMM or PSA when some tenant uses it
 * ({@code closeloop.rmm.connector}, {@code closeloop.psa.connector} and their
 * {@code tenants}, see {@link ConditionalOnConnector}; the simulator unless set), the
 * documentation system named by {@code closeloop.docs.connector} (none unless set). RMM
 * and PSA beans are named {@code rmm.<name>} and {@code psa.<name>}, which is how
 * {@link ConnectorRoutingConfiguration} finds them.
 * <p>
 * A connector's settings are bound (and checked by their record) only when it is created,
 * so an unused connector's incomplete settings stop nothing. Each connector reads its
 * vendor's JSON with a plain {@link ObjectMapper} of its own, not the application's.
 */
@Configuration(proxyBeanMethods = false)
public class ConnectorsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ConnectorsConfiguration.class);

	@Bean("rmm.simulator")
	@ConditionalOnConnector(kind = "rmm", name = "simulator")
	SimulatedRmm simulatedRmm(@Value("${closeloop.simulator.script-duration:PT1S}") Duration scriptDuration,
			Clock clock) {
		log.warn("Using the SIMULATED RMM, a demo stand-in: set closeloop.rmm.connector to use a real one");
		return new SimulatedRmm(clock, scriptDuration);
	}

	@Bean("rmm.tactical")
	@ConditionalOnConnector(kind = "rmm", name = "tactical")
	TacticalRmm tacticalRmm(Environment environment, Clock clock) {
		return TacticalRmm.create(properties(environment, TacticalRmmProperties.class), new ObjectMapper(), clock);
	}

	@Bean("rmm.datto")
	@ConditionalOnConnector(kind = "rmm", name = "datto")
	DattoRmm dattoRmm(Environment environment, Clock clock) {
		return DattoRmm.create(properties(environment, DattoRmmProperties.class), new ObjectMapper(), clock);
	}

	@Bean("rmm.ninjaone")
	@ConditionalOnConnector(kind = "rmm", name = "ninjaone")
	NinjaOneRmm ninjaOneRmm(Environment environment, Clock clock) {
		return NinjaOneRmm.create(properties(environment, NinjaOneRmmProperties.class), new ObjectMapper(), clock);
	}

	@Bean("rmm.ncentral")
	@ConditionalOnConnector(kind = "rmm", name = "ncentral")
	NcentralRmm ncentralRmm(Environment environment, Clock clock) {
		return NcentralRmm.create(properties(environment, NcentralRmmProperties.class), new ObjectMapper(), clock);
	}

	@Bean("rmm.atera")
	@ConditionalOnConnector(kind = "rmm", name = "atera")
	AteraRmm ateraRmm(Environment environment, Clock clock) {
		AteraRmmProperties atera = properties(environment, AteraRmmProperties.class);
		// The poll names each alert's tenant from this map: a tenant whose RMM is another
		// would have an Atera agent id looked up, and acted on, in that RMM.
		ConnectorChoice rmm = ConnectorChoice.of(environment, "rmm");
		List<String> elsewhere = atera.customers()
			.keySet()
			.stream()
			.filter((tenant) -> !"atera".equals(rmm.connectorOf(tenant)))
			.sorted()
			.toList();
		if (!elsewhere.isEmpty()) {
			throw new IllegalStateException("closeloop.rmm.atera.customers maps " + elsewhere
					+ ", whose RMM is not Atera (closeloop.rmm.connector / closeloop.rmm.tenants): map only the"
					+ " tenants Atera serves");
		}
		return AteraRmm.create(atera, new ObjectMapper(), clock);
	}

	/** Atera sends no alert webhook: the engine polls its open alerts through this. */
	@Bean
	@ConditionalOnConnector(kind = "rmm", name = "atera")
	AteraAlertFeed ateraAlertFeed(@Qualifier("rmm.atera") AteraRmm atera, ActiveRules rules) {
		return atera.alertFeed(rules);
	}

	@Bean("psa.simulator")
	@ConditionalOnConnector(kind = "psa", name = "simulator")
	SimulatedPsa simulatedPsa(Clock clock) {
		log.warn("Using the SIMULATED PSA, a demo stand-in: set closeloop.psa.connector to use a real one");
		return new SimulatedPsa(clock);
	}

	@Bean("psa.connectwise")
	@ConditionalOnConnector(kind = "psa", name = "connectwise")
	ConnectWisePsa connectWisePsa(Environment environment, Clock clock) {
		return ConnectWisePsa.create(properties(environment, ConnectWisePsaProperties.class), new ObjectMapper(),
				clock);
	}

	@Bean("psa.autotask")
	@ConditionalOnConnector(kind = "psa", name = "autotask")
	AutotaskPsa autotaskPsa(Environment environment, Clock clock) {
		return AutotaskPsa.create(properties(environment, AutotaskPsaProperties.class), new ObjectMapper(), clock);
	}

	@Bean("psa.halo")
	@ConditionalOnConnector(kind = "psa", name = "halo")
	HaloPsa haloPsa(Environment environment, Clock clock) {
		return HaloPsa.create(properties(environment, HaloPsaProperties.class), new ObjectMapper(), clock);
	}

	@Bean
	@ConditionalOnProperty(name = "closeloop.docs.connector", havingValue = "none", matchIfMissing = true)
	NoDocumentation noDocumentation() {
		return new NoDocumentation();
	}

	@Bean
	@ConditionalOnProperty(name = "closeloop.docs.connector", havingValue = "itglue")
	ItGlueDocumentation itGlueDocumentation(Environment environment, Clock clock) {
		return ItGlueDocumentation.create(properties(environment, ItGlueDocumentationProperties.class),
				new ObjectMapper(), clock);
	}

	@Bean
	@ConditionalOnProperty(name = "closeloop.docs.connector", havingValue = "hudu")
	HuduDocumentation huduDocumentation(Environment environment, Clock clock) {
		return HuduDocumentation.create(properties(environment, HuduDocumentationProperties.class), new ObjectMapper(),
				clock);
	}

	/**
	 * A connector's settings, bound from the prefix of the record's
	 * {@link ConfigurationProperties @ConfigurationProperties} and checked by its
	 * constructor, which names a missing setting.
	 */
	public static <T> T properties(Environment environment, Class<T> type) {
		MergedAnnotation<ConfigurationProperties> annotation = MergedAnnotations.from(type)
			.get(ConfigurationProperties.class);
		Assert.state(annotation.isPresent(), () -> type.getName() + " is not annotated @ConfigurationProperties");
		return Binder.get(environment).bindOrCreate(annotation.getString("prefix"), type);
	}

}
