package io.closeloop.engine.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * A JPA slice on a real MySQL-compatible server through MySQL Connector/J, its schema
 * migrated by Flyway from empty every time. Runs where a server listens on 127.0.0.1:3306
 * (root, no password; CI's MariaDB); skipped, with a message saying so, where none does.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RequiresMySqlServer.class)
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(
		properties = { "spring.datasource.url=jdbc:mysql://127.0.0.1:3306/closeloop_test?createDatabaseIfNotExist=true",
				"spring.datasource.username=root", "spring.datasource.password=",
				"spring.datasource.driver-class-name=com.mysql.cj.jdbc.Driver", "spring.flyway.clean-disabled=false" })
@Import(CleanMySqlSchema.class)
public @interface MySqlDataJpaTest {

}
