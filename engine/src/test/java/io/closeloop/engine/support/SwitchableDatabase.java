package io.closeloop.engine.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Lets a test take the database away, as an outage would: while it is down, every new
 * connection is refused the way a pool refuses one when the server is gone; connections
 * already handed out carry on.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SwitchableDatabase {

	private static volatile boolean down;

	public static void goDown() {
		down = true;
	}

	public static void comeBack() {
		down = false;
	}

	@Bean
	static BeanPostProcessor switchableDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof DataSource dataSource && !(bean instanceof Switchable)) {
					return new Switchable(dataSource);
				}
				return bean;
			}
		};
	}

	private static final class Switchable extends DelegatingDataSource {

		Switchable(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			refuseWhileDown();
			return super.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			refuseWhileDown();
			return super.getConnection(username, password);
		}

		private static void refuseWhileDown() throws SQLTransientConnectionException {
			if (down) {
				throw new SQLTransientConnectionException("Connection refused: the test took the database down");
			}
		}

	}

}
