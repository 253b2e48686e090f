package io.closeloop.workers.connector;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No documentation system unless one is chosen with {@code closeloop.docs.connector}
 * ({@code itglue}, {@code hudu}).
 */
@Configuration(proxyBeanMethods = false)
public class NoDocumentationConfiguration {

	@Bean
	@ConditionalOnProperty(name = "closeloop.docs.connector", havingValue = "none", matchIfMissing = true)
	NoDocumentation noDocumentation() {
		return new NoDocumentation();
	}

}
