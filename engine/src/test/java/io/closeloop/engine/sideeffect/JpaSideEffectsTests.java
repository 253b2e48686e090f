package io.closeloop.engine.sideeffect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import io.closeloop.workers.connector.ScriptRun;
import io.closeloop.workers.journal.SideEffects;

@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:side-effects;MODE=MySQL;DATABASE_TO_LOWER=TRUE")
@Import({ JpaSideEffects.class, JacksonAutoConfiguration.class })
class JpaSideEffectsTests {

	@Autowired
	private SideEffects sideEffects;

	@Test
	void shouldActOnceAndReturnTheRecordedResultToARedeliveredJob() {
		AtomicInteger runs = new AtomicInteger();
		String key = SideEffects.key(42, "run-script");

		ScriptRun first = this.sideEffects.once(key, ScriptRun.class, () -> {
			runs.incrementAndGet();
			return new ScriptRun("RUN-1", ScriptRun.Status.RUNNING, null, "running");
		});
		ScriptRun second = this.sideEffects.once(key, ScriptRun.class, () -> {
			runs.incrementAndGet();
			return new ScriptRun("RUN-2", ScriptRun.Status.RUNNING, null, "running");
		});

		assertThat(runs).hasValue(1);
		assertThat(second).isEqualTo(first);
	}

	@Test
	void shouldKeepKeysApart() {
		AtomicInteger runs = new AtomicInteger();
		this.sideEffects.once(SideEffects.key(1, "close-ticket"), Boolean.class, () -> runs.incrementAndGet() > 0);
		this.sideEffects.once(SideEffects.key(2, "close-ticket"), Boolean.class, () -> runs.incrementAndGet() > 0);
		assertThat(runs).hasValue(2);
	}

}
