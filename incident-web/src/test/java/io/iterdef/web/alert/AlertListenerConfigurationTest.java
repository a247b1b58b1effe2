package io.iterdef.web.alert;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;

class AlertListenerConfigurationTest {

	@Test
	void shouldTreatWrappedJdbcFailuresAsDatabaseFailuresWhenClassifying() {
		Exception down = new ListenerExecutionFailedException("listener failed",
				new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", new SQLException("refused")));

		assertThat(AlertListenerConfiguration.isDatabaseFailure(down)).isTrue();
		assertThat(AlertListenerConfiguration.isDatabaseFailure(new CannotCreateTransactionException("no tx"))).isTrue();
		assertThat(AlertListenerConfiguration.isDatabaseFailure(new AlertParseException("missing id"))).isFalse();
		assertThat(AlertListenerConfiguration.isDatabaseFailure(new IllegalStateException("bug"))).isFalse();
		assertThat(AlertListenerConfiguration.isDatabaseFailure(new ListenerExecutionFailedException("listener failed",
				new DataIntegrityViolationException("invalid input syntax for type json"))))
			.isFalse();
	}

	@Test
	void shouldNeverStopRetryingWhenDatabaseBackOffIsUsed() {
		BackOffExecution execution = AlertListenerConfiguration.databaseBackOff().start();

		long last = 0;
		for (int i = 0; i < 1_000; i++) {
			last = execution.nextBackOff();
			assertThat(last).isNotEqualTo(BackOffExecution.STOP);
		}
		assertThat(last).isEqualTo(AlertListenerConfiguration.DB_RETRY_MAX.toMillis());
	}

}
