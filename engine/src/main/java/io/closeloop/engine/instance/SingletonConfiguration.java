package io.closeloop.engine.instance;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

/**
 * ShedLock on the application's database (the {@code shedlock} table): the database's
 * clock decides when a lease ends, so the instances' clocks need not agree.
 */
@Configuration(proxyBeanMethods = false)
class SingletonConfiguration {

	@Bean
	LockProvider lockProvider(JdbcTemplate jdbc, Instance instance) {
		return leasesOf(jdbc, instance.id());
	}

	static LockProvider leasesOf(JdbcTemplate jdbc, String instanceId) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(jdbc)
			.withLockedByValue(instanceId)
			.usingDbTime()
			.build());
	}

}
