package io.closeloop.engine.rules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.closeloop.rules.ActiveRules;

/** Hands the workers the rules the library keeps current. */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

	@Bean
	ActiveRules activeRules(RuleLibrary library) {
		return library.active();
	}

}
